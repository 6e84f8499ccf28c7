package io.labelbench.server.data;

import java.util.List;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.SentenceBuilder;
import io.labelbench.server.data.NerCorpus.Variant;

/**
 * Seeded synthetic contract and case-law sentences with 4 entity types: PARTY, COURT, LAW (statutes, sections,
 * articles) and DATE. {@link Variant#HELDOUT} uses other sentence frames, party names never seen in training, and
 * some unseen courts and laws.
 * Party names are invented.
 */
public final class LegalGenerator extends NerCorpus.TemplateGenerator {

	public static final List<String> LABELS = List.of("PARTY", "COURT", "LAW", "DATE");

	private static final String[] PARTY_TRAIN = { "Marlow Holdings LLC", "Hadley Construction Ltd", "Ashford Mills",
			"the Estate of Ruth Calloway", "Brennan Freight Corp", "Delphine Okafor", "Tobias Lindqvist",
			"Pemberton Dairy Cooperative", "Quincy Steelworks", "Harlan Medical Group", "Sorensen Builders",
			"Vireo Software Inc", "the City of Eastbrook", "Greaves and Sons", "Matthias Osei", "Lucinda Varga",
			"Northgate Housing Trust", "Caldwell Transport", "Ingrid Halvorsen", "Bexley Finance Ltd",
			"Ormond Textiles", "Rafael Quintero", "Winslow Energy Partners", "Carrow Hospital Trust",
			"Eldridge Farms", "Petra Novak", "Stanton Mechanical", "the Town of Millbrook", "Fenwick Logistics",
			"Amara Nwosu", "Kirkland Realty Group", "Dorian Achterberg", "Halloway Insurance", "Selby Printing",
			"Yusuf Demir", "Lockridge Mining Co", "Beatrix Moll", "Tolliver Foods", "Glasson Engineering",
			"Nadia Ferreira" };
	private static final String[] PARTY_HELDOUT = { "Wexford Paper Mills", "Constance Abernathy", "Ridgeway Telecom",
			"Prescott Shipping Ltd", "Ottilie Brandt", "Hargreave Pharmaceuticals", "the County of Lindale",
			"Benedikt Sauer", "Morrow Valley Water", "Kessler Aviation", "Imogen Thackeray", "Langdon Foundry",
			"Sefton Care Homes", "Casimir Wolski", "Tamworth Brewing Co", "Ellery Data Systems", "Rosalind Achebe",
			"Pryor Agricultural", "Delacroix Interiors", "Haverford Bank", "Solveig Lund", "Merriman Cement",
			"Abbott Grange Estates", "Kwame Mensah", "Thackeray Mills" };
	private static final String[] COURT_TRAIN = { "the Supreme Court", "the Court of Appeals",
			"the District Court for the Southern District of New York", "the High Court", "the Court of Appeal",
			"the Superior Court of California", "the Federal Circuit", "the Supreme Court of Ohio",
			"the Commercial Court", "the Tax Court", "the Bankruptcy Court for the District of Delaware",
			"the Ninth Circuit" };
	private static final String[] COURT_HELDOUT = { "the Court of Justice of the European Union",
			"the Supreme Court of Texas", "the Second Circuit", "the Employment Tribunal",
			"the District Court of Minnesota" };
	private static final String[] LAW_TRAIN = { "Section 10 of the Securities Exchange Act",
			"the Fair Labor Standards Act", "Article 6 of the Convention", "the Sherman Act", "Section 2 of the Act",
			"the Americans with Disabilities Act", "Rule 12 of the Federal Rules", "the Clean Water Act",
			"Article 101 of the Treaty", "the Copyright Act", "Section 230 of the Communications Decency Act",
			"the Consumer Rights Act", "Title VII of the Civil Rights Act", "the Data Protection Act" };
	private static final String[] LAW_HELDOUT = { "Section 5 of the Trade Act", "the Equal Pay Act",
			"Article 8 of the Convention", "the Patent Act", "Section 17 of the Companies Act",
			"the Freedom of Information Act" };
	private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December" };
	private static final String[] YEARS = { "2011", "2014", "2016", "2018", "2019", "2020", "2021", "2022", "2023" };
	private static final String[] NO_ENTITY_TRAIN = { "The parties agree to act in good faith.",
			"This agreement may be signed in counterparts.", "Headings are for convenience only.",
			"Each party bears its own costs.", "Notices must be given in writing.",
			"The motion is denied for the reasons stated above.", "Time is of the essence.",
			"No waiver shall be effective unless in writing." };
	private static final String[] NO_ENTITY_HELDOUT = { "The appeal is dismissed with costs.",
			"Nothing in this clause limits liability for fraud.", "The hearing was adjourned." };

	public LegalGenerator() {
		super("legal", LABELS, Run::new);
	}

	private static final class Run extends NerCorpus.Run {
		Run(long seed, Variant variant) {
			super(seed, variant);
		}

		@Override
		protected Sample next() {
			SentenceBuilder b = new SentenceBuilder();
			if (training()) {
				switch (roll(12)) {
				case 0 -> { court(b, true); b.o("ruled for"); party(b); b.o("on"); date(b); b.o("under"); law(b); }
				case 1 -> { b.o("This agreement is made on"); date(b); b.o("between"); party(b); b.o("and"); party(b); }
				case 2 -> { party(b); b.o("filed suit against"); party(b); b.o("in"); court(b, false); }
				case 3 -> { party(b); b.o("alleges violations of"); law(b); }
				case 4 -> { b.o("On"); date(b); b.o(","); court(b, false); b.o("dismissed the claims of"); party(b); }
				case 5 -> { party(b); b.o("shall indemnify"); party(b); b.o("against all losses"); }
				case 6 -> { b.o("The complaint under"); law(b); b.o("was heard by"); court(b, false); }
				case 7 -> { court(b, true); b.o("affirmed the judgment against"); party(b); }
				case 8 -> { party(b); b.o("appealed to"); court(b, false); b.o("on"); date(b); }
				case 9 -> { b.o("Pursuant to"); law(b); b.o(","); party(b); b.o("must disclose the records"); }
				case 10 -> { b.o("The lease between"); party(b); b.o("and"); party(b); b.o("ends on"); date(b); }
				default -> { return SentenceBuilder.plain(pick(NO_ENTITY_TRAIN)); }
				}
			} else {
				switch (roll(8)) {
				case 0 -> { b.o("In its opinion of"); date(b); b.o(","); court(b, false); b.o("held that"); party(b); b.o("breached"); law(b); }
				case 1 -> { b.o("Counsel for"); party(b); b.o("moved to dismiss before"); court(b, false); }
				case 2 -> { b.o("The settlement requires"); party(b); b.o("to pay"); party(b); b.o("by"); date(b); }
				case 3 -> { b.o("A class action under"); law(b); b.o("names"); party(b); b.o("as defendant"); }
				case 4 -> { court(b, true); b.o("reversed the award to"); party(b); }
				case 5 -> { b.o("Effective"); date(b); b.o(","); party(b); b.o("assigns its rights to"); party(b); }
				case 6 -> { party(b); b.o("invoked"); law(b); b.o("in its defence"); }
				default -> { return SentenceBuilder.plain(pick(NO_ENTITY_HELDOUT)); }
				}
			}
			return b.end();
		}

		private void party(SentenceBuilder b) {
			b.entity(pick(training() ? PARTY_TRAIN : PARTY_HELDOUT), "PARTY");
		}

		/**
		 * At the start of a sentence "the" is capitalised. Held-out sentences name unseen courts a third of the
		 * time (there are only so many courts; the unseen parties are the real test).
		 */
		private void court(SentenceBuilder b, boolean capital) {
			String court = pick(variant == Variant.HELDOUT && chance(0.33) ? COURT_HELDOUT : COURT_TRAIN);
			b.entity(capital ? "The" + court.substring(3) : court, "COURT");
		}

		/** Held-out sentences cite unseen laws a third of the time. */
		private void law(SentenceBuilder b) {
			b.entity(pick(variant == Variant.HELDOUT && chance(0.33) ? LAW_HELDOUT : LAW_TRAIN), "LAW");
		}

		private void date(SentenceBuilder b) {
			switch (roll(3)) {
			case 0 -> b.entity(pick(MONTHS) + " " + (1 + roll(28)) + " " + pick(YEARS), "DATE");
			case 1 -> b.entity((1 + roll(28)) + " " + pick(MONTHS) + " " + pick(YEARS), "DATE");
			default -> b.entity(pick(MONTHS) + " " + pick(YEARS), "DATE");
			}
		}
	}
}
