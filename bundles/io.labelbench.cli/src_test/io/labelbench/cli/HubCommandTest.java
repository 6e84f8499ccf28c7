package io.labelbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubCommandTest {

	@TempDir
	Path dir;
	private final CliRun cli = new CliRun();

	private int run(String... args) {
		return cli.run(args);
	}

	/** A one-model hub laid out like Spark NLP's. */
	private Path hub() throws Exception {
		Path models = Files.createDirectories(dir.resolve("hub/public/models"));
		Path zip = models.resolve("ner_finance_small_en_5.5.3_3.5_"
				+ java.time.Instant.parse("2026-11-24T00:26:40.000Z").toEpochMilli() + ".zip");
		try (ZipOutputStream zipOut = new ZipOutputStream(Files.newOutputStream(zip))) {
			zipOut.putNextEntry(new ZipEntry("metadata/part-00000"));
			zipOut.write(("{\"class\":\"com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel\",\"paramMap\":{\"classes\":"
					+ "[\"O\",\"B-ORG\",\"I-ORG\",\"B-MONEY\"],\"storageRef\":\"w2v\"}}\n").getBytes(StandardCharsets.UTF_8));
		}
		String md5 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(zip)));
		Files.writeString(models.resolve("metadata.json"), "{\"name\":\"ner_finance_small\",\"language\":\"en\","
				+ "\"libVersion\":{\"parts\":[5,5,3]},\"sparkVersion\":{\"parts\":[3,5]},\"readyToUse\":true,"
				+ "\"time\":\"2026-11-24T00:26:40.000Z\",\"isZipped\":true,\"category\":\"ml\",\"checksum\":\"" + md5
				+ "\",\"annotator\":\"NerDLModel\",\"task\":\"ner\",\"domain\":\"Finance\",\"labels\":[\"MONEY\",\"ORG\"]}\n");
		return dir.resolve("hub");
	}

	@Test
	void listDownloadLabelsRemove() throws Exception {
		String hub = hub().toString();
		String cache = dir.resolve("cache").toString();
		assertEquals(0, run("hub", "list", "--hub", hub, "--cache", cache));
		assertEquals("ner_finance_small\tner\tFinance\ten\tavailable\tMONEY,ORG\t-\n", cli.out());
		assertEquals(0, run("hub", "download", "ner_finance_small", "--hub", hub, "--cache", cache), cli.err());
		assertEquals(0, run("hub", "list", "--hub", hub, "--cache", cache));
		assertTrue(cli.out().contains("\tdownloaded\t"));
		assertEquals(0, run("hub", "labels", "ner_finance_small", "--cache", cache));
		assertEquals("MONEY\nORG\n", cli.out());
		assertEquals(0, run("hub", "remove", "ner_finance_small", "--cache", cache));
		assertEquals(2, run("hub", "remove", "ner_finance_small", "--cache", cache));
		assertTrue(cli.err().startsWith("labelbench: hub: no model 'ner_finance_small' in the cache"));
		assertEquals(2, run("hub", "download", "nope", "--hub", hub, "--cache", cache));
		assertTrue(cli.err().contains("no model 'nope' in the hub"));
	}

	/** A zip whose root is a saved model with this metadata line; returns its catalog line. */
	private static String publish(Path models, String name, String time, String annotatorClass, String paramMap,
			String extraFields) throws Exception {
		Path zip = models.resolve(name + "_en_5.5.3_3.5_" + java.time.Instant.parse(time).toEpochMilli() + ".zip");
		try (ZipOutputStream zipOut = new ZipOutputStream(Files.newOutputStream(zip))) {
			zipOut.putNextEntry(new ZipEntry("metadata/part-00000"));
			zipOut.write(("{\"class\":\"" + annotatorClass + "\",\"paramMap\":" + paramMap + "}\n")
					.getBytes(StandardCharsets.UTF_8));
		}
		String md5 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(zip)));
		return "{\"name\":\"" + name + "\",\"language\":\"en\",\"libVersion\":{\"parts\":[5,5,3]},\"sparkVersion\":"
				+ "{\"parts\":[3,5]},\"readyToUse\":true,\"time\":\"" + time + "\",\"isZipped\":true,\"category\":\"ml\","
				+ "\"checksum\":\"" + md5 + "\"" + extraFields + "}\n";
	}

	@Test
	void aModelComesWithItsEmbeddingsWhichAreNotRemovedUnderIt() throws Exception {
		Path models = Files.createDirectories(dir.resolve("hub2/public/models"));
		String embeddings = publish(models, "w2v_small", "2026-11-20T00:00:00.000Z",
				"com.johnsnowlabs.nlp.embeddings.Word2VecModel", "{\"storageRef\":\"w2v_small\"}",
				",\"annotator\":\"Word2VecModel\",\"task\":\"embeddings\"");
		String ner = publish(models, "ner_small", "2026-11-21T00:00:00.000Z",
				"com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel",
				"{\"classes\":[\"O\",\"B-ORG\"],\"storageRef\":\"w2v_small\"}",
				",\"annotator\":\"NerDLModel\",\"task\":\"ner\",\"labels\":[\"ORG\"],\"embeddings\":\"w2v_small\","
						+ "\"metrics\":{\"precision\":0.9,\"recall\":0.8,\"f1\":0.847,\"heldoutExamples\":300}");
		Files.writeString(models.resolve("metadata.json"), embeddings + ner);
		String hub = dir.resolve("hub2").toString();
		String cache = dir.resolve("cache2").toString();

		assertEquals(0, run("hub", "list", "--hub", hub, "--cache", cache));
		assertTrue(cli.out().contains("ner_small\tner\tGeneral\ten\tavailable\tORG\tprecision=0.900 recall=0.800 f1=0.847 heldout=300\n"),
				"the published held-out scores: " + cli.out());

		assertEquals(0, run("hub", "download", "ner_small", "--hub", hub, "--cache", cache), cli.err());
		assertTrue(cli.out().contains("downloaded w2v_small"), "the embeddings come first: " + cli.out());
		assertTrue(cli.out().contains("downloaded ner_small"), cli.out());
		assertEquals(0, run("hub", "list", "--hub", hub, "--cache", cache));
		assertEquals(2, cli.out().split("\tdownloaded\t", -1).length - 1, cli.out());

		assertEquals(2, run("hub", "remove", "w2v_small", "--cache", cache));
		assertTrue(cli.err().contains("w2v_small is the embeddings of ner_small") && cli.err().contains("--force"),
				cli.err());
		assertEquals(0, run("hub", "list", "--hub", hub, "--cache", cache));
		assertEquals(2, cli.out().split("\tdownloaded\t", -1).length - 1, "nothing removed: " + cli.out());
		assertEquals(0, run("hub", "remove", "w2v_small", "--force", "--cache", cache), cli.err());
		assertTrue(cli.out().startsWith("removed w2v_small (ner_small cannot be deployed"), cli.out());
	}

	@Test
	void labelsOfAssertionAndRelationModelsAndWhereTheyGo() throws Exception {
		Path models = Files.createDirectories(dir.resolve("hub3/public/models"));
		String assertion = publish(models, "assertion_clinical_labelbench", "2026-11-22T00:00:00.000Z",
				"io.labelbench.server.nlp.clinical.AssertionModel",
				"{\"classes\":[\"present\",\"absent\",\"associated_with_someone_else\"],"
						+ "\"entityLabels\":[\"PROBLEM\",\"TEST\"]}",
				",\"annotator\":\"AssertionModel\",\"domain\":\"Clinical\",\"labels\":[\"present\",\"absent\","
						+ "\"associated_with_someone_else\"]");
		String relation = publish(models, "re_posology_labelbench", "2026-11-22T00:00:00.000Z",
				"io.labelbench.server.nlp.clinical.RelationModel",
				"{\"classes\":[\"DRUG-DOSAGE\",\"DRUG-ROUTE\"],\"entityLabels\":[\"DRUG\",\"DOSAGE\",\"ROUTE\"]}",
				",\"annotator\":\"RelationModel\",\"domain\":\"Clinical\",\"labels\":[\"DRUG-DOSAGE\",\"DRUG-ROUTE\"]");
		Files.writeString(models.resolve("metadata.json"), assertion + relation);
		String hub = dir.resolve("hub3").toString();
		String cache = dir.resolve("cache3").toString();

		assertEquals(0, run("hub", "list", "--hub", hub, "--cache", cache));
		assertTrue(cli.out().contains("assertion_clinical_labelbench\tassertion\tClinical\t"), cli.out());
		assertTrue(cli.out().contains("re_posology_labelbench\trelation\tClinical\t"), cli.out());
		assertEquals(0, run("hub", "download", "re_posology_labelbench", "--hub", hub, "--cache", cache), cli.err());
		assertEquals(0, run("hub", "labels", "re_posology_labelbench", "--cache", cache));
		assertEquals("DRUG-DOSAGE\nDRUG-ROUTE\n", cli.out(), "read from the saved model");
		assertTrue(cli.err().contains("re_posology_labelbench is a relation model: put its labels on <Relation value=…"
				+ " model=\"re_posology_labelbench\"> inside <Relations>; it relates chunks of DRUG, DOSAGE, ROUTE"),
				cli.err());
		assertEquals(0, run("hub", "labels", "assertion_clinical_labelbench", "--hub", hub, "--cache", cache));
		assertEquals("present\nabsent\nassociated_with_someone_else\n", cli.out(), "from the catalog: not downloaded");
		assertTrue(cli.err().contains("is an assertion model: put its statuses on Labels with assertion=\"true\""),
				cli.err());
	}
}
