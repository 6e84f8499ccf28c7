package io.labelbench.hub;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small hubs laid out like Spark NLP's: model zips whose root is a saved model folder. */
final class HubFixtures {

	static final String NER_METADATA = "{\"class\":\"com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel\",\"uid\":\"NerDLModel_1\","
			+ "\"paramMap\":{\"storageRef\":\"w2v_labelbench_100d\",\"classes\":[\"O\",\"B-DRUG\",\"I-DRUG\",\"B-DOSAGE\","
			+ "\"I-DOSAGE\",\"B-ROUTE\"]}}";

	private HubFixtures() {
	}

	/** Writes a model zip and returns its metadata line (with the real checksum and size). */
	static String publish(Path hub, String name, String time, String metadataJson, int payloadBytes) throws IOException {
		Path models = Files.createDirectories(hub.resolve("public/models"));
		long millis = Instant.parse(time).toEpochMilli();
		Path zip = models.resolve(name + "_en_5.5.3_3.5_" + millis + ".zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("metadata/"));
			out.putNextEntry(new ZipEntry("metadata/part-00000"));
			out.write((metadataJson + "\n").getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("fields/weights.bin"));
			byte[] payload = new byte[payloadBytes];
			new java.util.Random(7).nextBytes(payload);
			out.write(payload);
		}
		String line = "{\"name\":\"" + name + "\",\"language\":\"en\",\"libVersion\":{\"parts\":[5,5,3]},"
				+ "\"sparkVersion\":{\"parts\":[3,5]},\"readyToUse\":true,\"time\":\"" + time + "\",\"isZipped\":true,"
				+ "\"category\":\"ml\",\"checksum\":\"" + ModelDownloader.md5(zip) + "\",\"annotator\":\"NerDLModel\","
				+ "\"task\":\"ner\",\"domain\":\"Clinical\",\"labels\":[\"DOSAGE\",\"DRUG\",\"ROUTE\"],\"size\":" + Files.size(zip) + "}";
		appendLine(hub, line);
		return line;
	}

	static void appendLine(Path hub, String line) throws IOException {
		Path metadata = Files.createDirectories(hub.resolve("public/models")).resolve("metadata.json");
		Files.writeString(metadata, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
				java.nio.file.StandardOpenOption.APPEND);
	}

	static void writeZip(Path zip, String entryName, byte[] content) throws IOException {
		try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
			out.putNextEntry(new ZipEntry(entryName));
			out.write(content);
		}
	}
}
