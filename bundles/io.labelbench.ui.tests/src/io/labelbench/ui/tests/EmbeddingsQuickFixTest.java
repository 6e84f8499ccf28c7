package io.labelbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.ModelCatalog;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.config.ConfigBuilder;
import io.labelbench.ui.config.ConfigMarkers;
import io.labelbench.ui.hub.HubPreferences;
import io.labelbench.ui.hub.ModelDownloadJob;

/** A model whose embeddings are not downloaded: a warning on the config, and a quick fix that downloads them. */
class EmbeddingsQuickFixTest {

	@TempDir
	Path dir;

	@AfterEach
	void restorePreferences() {
		var preferences = InstanceScope.INSTANCE.getNode("io.labelbench.ui.hub");
		preferences.remove(HubPreferences.HUBS);
		preferences.remove(HubPreferences.CACHE);
	}

	private static String publish(Path models, String name, String className, String classes, String extraFields)
			throws Exception {
		String time = "2026-11-20T10:00:00.000Z";
		Path zip = models.resolve(name + "_en_5.5.3_3.5_" + Instant.parse(time).toEpochMilli() + ".zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new ZipEntry("metadata/part-00000"));
			out.write(("{\"class\":\"" + className + "\",\"paramMap\":{\"classes\":" + classes
					+ ",\"storageRef\":\"w2v_small\"}}\n").getBytes(StandardCharsets.UTF_8));
		}
		String md5 = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(zip)));
		return "{\"name\":\"" + name + "\",\"language\":\"en\",\"libVersion\":{\"parts\":[5,5,3]},\"sparkVersion\":"
				+ "{\"parts\":[3,5]},\"readyToUse\":true,\"time\":\"" + time + "\",\"isZipped\":true,\"category\":\"ml\","
				+ "\"checksum\":\"" + md5 + "\",\"size\":" + Files.size(zip) + extraFields + "}\n";
	}

	private static IMarker marker(IFile file, String code) throws Exception {
		return Arrays.stream(file.findMarkers(ConfigMarkers.TYPE, false, IResource.DEPTH_ZERO))
				.filter(m -> m.getAttribute(ConfigMarkers.CODE, "").equals(code)).findFirst().orElse(null);
	}

	@Test
	void quickFixDownloadsTheMissingEmbeddings() throws Exception {
		Path models = Files.createDirectories(dir.resolve("hub/public/models"));
		Files.writeString(models.resolve("metadata.json"),
				publish(models, "w2v_small", "com.johnsnowlabs.nlp.embeddings.Word2VecModel", "[]", ",\"task\":\"embeddings\"")
						+ publish(models, "ner_small", "com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel",
								"[\"O\",\"B-DRUG\"]", ",\"task\":\"ner\",\"labels\":[\"DRUG\"],\"embeddings\":\"w2v_small\""));
		var preferences = InstanceScope.INSTANCE.getNode("io.labelbench.ui.hub");
		preferences.put(HubPreferences.HUBS, dir.resolve("hub").toString());
		preferences.put(HubPreferences.CACHE, dir.resolve("cache").toString());
		// only the model, as a cache filled by hand or by an older Labelbench would have it
		HubLocation hub = HubLocation.folder(dir.resolve("hub"));
		var ner = ModelCatalog.read(hub).entries().stream().filter(e -> e.name().equals("ner_small")).findFirst().orElseThrow();
		new ModelDownloader(HubPreferences.cache()).download(hub, ner, io.labelbench.core.io.Progress.NONE);

		Path folder = dir.resolve("project");
		LabelbenchProject.create(folder, "ana");
		Files.writeString(folder.resolve(LabelbenchProject.CONFIG_FILE), "<View>\n  <Labels name=\"label\" toName=\"text\">\n"
				+ "    <Label value=\"DRUG\" model=\"ner_small\"/>\n  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n");
		IProject project = LabelbenchProjects.openOrCreate(folder, null);
		IFile config = project.getFile(LabelbenchProject.CONFIG_FILE);
		config.refreshLocal(IResource.DEPTH_ZERO, null);
		ConfigBuilder.validate(project, config);

		IMarker missing = marker(config, "model.embeddings-missing");
		assertTrue(missing != null, "the missing embeddings are reported");
		assertEquals(IMarker.SEVERITY_WARNING, missing.getAttribute(IMarker.SEVERITY, -1));
		IMarkerResolution[] fixes = IDE.getMarkerHelpRegistry().getResolutions(missing);
		IMarkerResolution download = Arrays.stream(fixes)
				.filter(f -> f.getLabel().equals("Download the embeddings 'w2v_small' from the Models Hub")).findFirst()
				.orElseThrow(() -> new AssertionError("fixes: " + Arrays.stream(fixes).map(IMarkerResolution::getLabel).toList()));
		download.run(missing);
		UiTesting.waitForJobs(ModelDownloadJob.FAMILY, 30_000);
		assertTrue(HubPreferences.cache().find("w2v_small").isPresent(), "the embeddings are downloaded");
		UiTesting.waitUntil("the warning is gone after validating again", () -> {
			try {
				return marker(config, "model.embeddings-missing") == null;
			} catch (Exception e) {
				return false;
			}
		}, 10_000);
		project.delete(false, true, null);
	}
}
