package io.labelbench.server.data;

import java.util.List;

import io.labelbench.server.data.NerCorpus.Sample;
import io.labelbench.server.data.NerCorpus.SentenceBuilder;
import io.labelbench.server.data.NerCorpus.Variant;

/**
 * Seeded synthetic financial news and filings with 4 entity types: ORG (companies), MONEY, PERCENT and DATE.
 * {@link Variant#HELDOUT} uses other sentence frames and company names that never occur in training, so a held-out
 * score measures generalisation, not memory. All names are invented.
 */
public final class FinanceGenerator extends NerCorpus.TemplateGenerator {

	public static final List<String> LABELS = List.of("ORG", "MONEY", "PERCENT", "DATE");

	private static final String[] ORG_TRAIN = { "Northwind Capital", "Harbor Lane Bank", "Quillon Systems Inc",
			"Brightwater Energy", "Castellan Foods", "Orchard Peak Holdings", "Meridian Freight", "Solvane Labs",
			"Redfern Mutual", "Alder Point Group", "Kestrel Mining", "Bluegate Pharma", "Tamsin Retail",
			"Ironbridge Partners", "Vellum Media", "Corvid Networks", "Silverleaf Insurance", "Drummond Steel",
			"Pelican Air", "Yarrow Biotech", "Lantern Software", "Greystone Realty", "Oakhurst Bancorp",
			"Fairlight Motors", "Copperfield Chemicals", "Marlowe Textiles", "Stonebrook Utilities", "Halcyon Health",
			"Juniper Logistics", "Westmarch Securities", "Cobalt Ridge Resources", "Emberly Telecom",
			"Rowan Street Advisors", "Sable Creek Oil", "Tidewater Shipping", "Avalon Robotics", "Bramble Beverages",
			"Crescent Semiconductor", "Dunmore Capital", "Everly Cosmetics", "Foxglove Apparel", "Granite Trust",
			"Hollis Aerospace", "Ivory Coast Cocoa", "Jasper Analytics", "Kingsley Paper", "Larkspur Gaming",
			"Moorland Dairy", "Nettle Solar", "Osprey Airlines" };
	private static final String[] ORG_HELDOUT = { "Quarry Hill Finance", "Rosewood Instruments", "Saltmarsh Energy",
			"Thornbury Holdings", "Umber Valley Farms", "Vantage Crest Bank", "Willowmere Systems", "Xenith Pharma",
			"Yellowfin Seafood", "Zephyr Wind Power", "Ashgrove Retail", "Birchwood Capital", "Cinder Lake Mining",
			"Driftwood Hotels", "Elmstead Insurance", "Fernhill Media", "Glenmoor Logistics", "Hawthorne Chemicals",
			"Inglewood Motors", "Kelpie Networks", "Lowther Steel", "Mistral Airways", "Norcross Biotech",
			"Pinecrest Realty", "Ravenhill Partners" };
	private static final String[] AMOUNT = { "1.2", "4.5", "12", "38", "85", "140", "250", "3.75", "610", "9.8", "27",
			"1250", "300000", "45000" };
	private static final String[] SCALE = { "million", "billion", "thousand", "million" };
	private static final String[] CURRENCY_WORD = { "dollars", "euros", "pounds" };
	private static final String[] CURRENCY_CODE = { "USD", "EUR", "GBP", "CHF" };
	private static final String[] PCT = { "0.5", "1.8", "2", "3.4", "4.5", "7", "12", "15.2", "22", "35" };
	private static final String[] MONTHS = { "January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December" };
	private static final String[] YEARS = { "2019", "2020", "2021", "2022", "2023", "2024", "2025" };
	private static final String[] QUARTERS = { "Q1", "Q2", "Q3", "Q4" };
	private static final String[] ORDINAL_QUARTERS = { "the first quarter", "the second quarter",
			"the third quarter", "the fourth quarter" };
	private static final String[] VERB_TRAIN = { "reported", "posted", "announced", "recorded", "disclosed" };
	private static final String[] METRIC = { "revenue", "net income", "operating profit", "sales", "earnings",
			"free cash flow" };
	private static final String[] NO_ENTITY_TRAIN = { "Shares traded sideways in a quiet session.",
			"Analysts expect volatility to remain elevated.", "The board will meet again next month.",
			"Investors weighed the outlook for interest rates.", "Trading volume was light ahead of the holiday.",
			"The company did not comment on the report.", "Markets closed mixed after a choppy day.",
			"Management reaffirmed its guidance for the year." };
	private static final String[] NO_ENTITY_HELDOUT = { "Bond yields drifted lower through the afternoon.",
			"The merger still needs regulatory approval.", "Executives declined to give a forecast." };

	public FinanceGenerator() {
		super("finance", LABELS, Run::new);
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
				case 0 -> { org(b); b.o(pick(VERB_TRAIN) + " " + pick(METRIC) + " of"); money(b); b.o("for"); date(b); }
				case 1 -> { org(b); b.o("shares rose"); percent(b); b.o("on"); date(b); }
				case 2 -> { org(b); b.o("shares fell"); percent(b); b.o("after the"); date(b); b.o("results"); }
				case 3 -> { org(b); b.o("agreed to buy"); org(b); b.o("for"); money(b); }
				case 4 -> { b.o("In"); date(b); b.o(","); org(b); b.o("raised its dividend by"); percent(b); }
				case 5 -> { org(b); b.o("will pay"); money(b); b.o("to settle claims , the company said"); }
				case 6 -> { b.o(pick("Revenue at", "Profit at", "Sales at")); org(b); b.o("grew"); percent(b); b.o("to"); money(b); }
				case 7 -> { org(b); b.o("expects"); date(b); b.o(pick(METRIC) + " between"); money(b); b.o("and"); money(b); }
				case 8 -> { b.o("Analysts at"); org(b); b.o("cut their target on"); org(b); b.o("by"); percent(b); }
				case 9 -> { org(b); b.o("issued"); money(b); b.o("of bonds at"); percent(b); }
				case 10 -> { org(b); b.o("cut"); b.o(pick("jobs", "costs", "spending")); b.o("by"); percent(b); b.o("in"); date(b); }
				default -> { return SentenceBuilder.plain(pick(NO_ENTITY_TRAIN)); }
				}
			} else {
				switch (roll(8)) {
				case 0 -> { b.o("According to its filing ,"); org(b); b.o("booked"); money(b); b.o("in"); date(b); }
				case 1 -> { b.o("Stock in"); org(b); b.o("climbed"); percent(b); b.o("during"); date(b); }
				case 2 -> { org(b); b.o("completed its takeover of"); org(b); b.o("valued at"); money(b); }
				case 3 -> { b.o("The lender"); org(b); b.o("lifted its margin to"); percent(b); b.o("for"); date(b); }
				case 4 -> { org(b); b.o("set aside"); money(b); b.o("for restructuring"); }
				case 5 -> { b.o("Guidance from"); org(b); b.o("implies growth of"); percent(b); }
				case 6 -> { org(b); b.o("returned"); money(b); b.o("to shareholders since"); date(b); }
				default -> { return SentenceBuilder.plain(pick(NO_ENTITY_HELDOUT)); }
				}
			}
			return b.end();
		}

		private void org(SentenceBuilder b) {
			b.entity(pick(training() ? ORG_TRAIN : ORG_HELDOUT), "ORG");
		}

		private void money(SentenceBuilder b) {
			String amount = pick(AMOUNT);
			boolean big = amount.length() < 4;
			switch (roll(3)) {
			case 0 -> b.entity("$ " + amount + (big ? " " + pick(SCALE) : ""), "MONEY");
			case 1 -> b.entity(pick(CURRENCY_CODE) + " " + amount + (big ? " " + pick(SCALE) : ""), "MONEY");
			default -> b.entity(amount + (big ? " " + pick(SCALE) : "") + " " + pick(CURRENCY_WORD), "MONEY");
			}
		}

		private void percent(SentenceBuilder b) {
			String p = pick(PCT);
			b.entity(chance(0.5) ? p + " %" : p + " " + pick("percent", "percent", "percentage points"), "PERCENT");
		}

		private void date(SentenceBuilder b) {
			switch (roll(5)) {
			case 0 -> b.entity(pick(MONTHS) + " " + (1 + roll(28)) + " " + pick(YEARS), "DATE");
			case 1 -> b.entity(pick(QUARTERS) + " " + pick(YEARS), "DATE");
			case 2 -> b.entity("fiscal " + pick(YEARS), "DATE");
			case 3 -> b.entity(pick(ORDINAL_QUARTERS) + (chance(0.5) ? " of " + pick(YEARS) : ""), "DATE");
			default -> b.entity(pick(MONTHS) + " " + pick(YEARS), "DATE");
			}
		}
	}
}
