package io.labelbench.ui.tests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.preferences.InstanceScope;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.io.Progress;
import io.labelbench.core.json.Json;
import io.labelbench.core.model.Task;
import io.labelbench.core.store.LabelbenchProject;
import io.labelbench.hub.HubLocation;
import io.labelbench.hub.ModelDownloader;
import io.labelbench.hub.ModelsHub;
import io.labelbench.ui.LabelbenchProjects;
import io.labelbench.ui.ModelCachePreference;

/** Projects with submitted NER completions, a model cache with the build's embeddings, and recorded training runs. */
final class TrainingFixtures {

	static final String CONFIG = """
			<View>
			  <Labels name="label" toName="text">
			    <Label value="DRUG" background="#E91E63"/>
			    <Label value="DOSAGE" background="#FF9800"/>
			  </Labels>
			  <Text name="text" value="$text"/>
			</View>
			""";

	private static final String[] DRUGS = { "aspirin", "metformin", "lisinopril", "warfarin", "amoxicillin",
			"ibuprofen", "atorvastatin", "omeprazole" };
	private static final String[] FORMS = { "Give %s %d mg twice daily.", "Take %s %d mg at night.",
			"Start %s %d mg orally.", "Continue %s %d mg every morning." };

	private TrainingFixtures() {
	}

	/** A cache with the build's word embeddings, downloaded from the hub mirror, as the workbench's model cache. */
	static void embeddingsIn(Path cacheFolder) throws IOException {
		String mirror = System.getProperty("labelbench.hub.mirror");
		if (mirror == null) {
			throw new AssertionError("the test runtime names the hub mirror the server build published");
		}
		InstanceScope.INSTANCE.getNode(ModelCachePreference.QUALIFIER).put(ModelCachePreference.KEY,
				cacheFolder.toString());
		ModelsHub hub = ModelsHub.read(List.of(HubLocation.folder(Path.of(mirror))));
		var offer = hub.find("w2v_labelbench_100d").orElseThrow(() -> new AssertionError("no embeddings in " + mirror));
		new ModelDownloader(ModelCachePreference.cache()).download(offer.hub(), offer.entry(), Progress.NONE);
	}

	static void forgetCache() {
		InstanceScope.INSTANCE.getNode(ModelCachePreference.QUALIFIER).remove(ModelCachePreference.KEY);
	}

	/**
	 * A project of {@code tasks} posology sentences, each with a submitted completion of its DRUG and DOSAGE
	 * (the first {@code completed} ones only), every fifth tagged "test".
	 */
	static IProject project(Path folder, int tasks, int completed) throws Exception {
		LabelbenchProject lb = LabelbenchProject.create(folder, LabelbenchProject.currentUser());
		Files.writeString(lb.configFile(), CONFIG, StandardCharsets.UTF_8);
		for (int i = 1; i <= tasks; i++) {
			String drug = DRUGS[i % DRUGS.length];
			int dose = 5 * (i % 40 + 1);
			String text = String.format(FORMS[i % FORMS.length], drug, dose);
			int drugStart = text.indexOf(drug);
			int doseStart = text.indexOf(dose + " mg");
			String result = "[" + span(drugStart, drugStart + drug.length(), "DRUG") + ","
					+ span(doseStart, doseStart + (dose + " mg").length(), "DOSAGE") + "]";
			String completions = i <= completed ? "[{\"id\":1,\"created_username\":\"ana\",\"submitted_at\":"
					+ "\"2026-11-01T10:00:00Z\",\"result\":" + result + "}]" : "[]";
			ObjectNode json = (ObjectNode) Json.mapper().readTree("{\"id\":" + i + ",\"tags\":"
					+ (i % 5 == 0 ? "[\"test\"]" : "[]") + ",\"data\":{\"text\":\"" + text + "\"},\"completions\":"
					+ completions + "}");
			lb.tasks().write(new Task(json));
		}
		return LabelbenchProjects.openOrCreate(folder, null);
	}

	private static String span(int start, int end, String label) {
		return "{\"id\":\"" + label + start + "\",\"from_name\":\"label\",\"to_name\":\"text\",\"type\":\"labels\","
				+ "\"value\":{\"start\":" + start + ",\"end\":" + end + ",\"labels\":[\"" + label + "\"]}}";
	}

	/**
	 * A server distribution whose {@code train} replays recorded epoch lines ({@code pauseSeconds} apart), then
	 * saves a model folder and empty predictions for the test tasks as the real one does; it writes its pid to
	 * {@code pid} and, with {@code hang}, waits after the first epoch until it is killed.
	 */
	static Path recordedDistribution(Path folder, List<String> epochLines, String pauseSeconds, boolean hang)
			throws IOException {
		Path bin = Files.createDirectories(folder.resolve("bin"));
		StringBuilder epochs = new StringBuilder();
		for (int i = 0; i < epochLines.size(); i++) {
			epochs.append("echo '").append(epochLines.get(i)).append("'\nsleep ").append(pauseSeconds).append('\n');
			if (hang && i == 0) {
				epochs.append("while true; do sleep 1; done\n");
			}
		}
		String script = """
				#!/bin/sh
				# a recorded training run: the epoch lines of a real one, a model folder, empty predictions
				echo $$ > "%s"
				while [ $# -gt 0 ]; do
				  case "$1" in
				    --data) data="$2"; shift ;;
				    --out) out="$2"; shift ;;
				  esac
				  shift
				done
				echo "recorded training of $data"
				%s
				mkdir -p "$out/saving/metadata"
				echo '{"class":"com.johnsnowlabs.nlp.annotators.ner.dl.NerDLModel","uid":"NerDLModel_1","paramMap":{"storageRef":"w2v_labelbench_100d","classes":["O","B-DOSAGE","I-DOSAGE","B-DRUG","I-DRUG"]}}' > "$out/saving/metadata/part-00000"
				sed -E 's/^[{]"id":([^,]*),.*$/{"id":\\1,"result":[]}/' "$data/test.jsonl" > "$out/saving/test-predictions.jsonl"
				mkdir -p "$out/result"
				mv "$out/saving/metadata" "$out/saving/model-metadata"
				mkdir -p "$out/result/model"
				mv "$out/saving/model-metadata" "$out/result/model/metadata"
				mv "$out/saving/test-predictions.jsonl" "$out/result/test-predictions.jsonl"
				echo '{"event":"done","seconds":5.1,"parameters":{"epochs":%d,"learningRate":0.003,"batchSize":16,"dropout":0.5,"validationSplit":0.2}}'
				""".formatted(folder.resolve("pid"), epochs, epochLines.size());
		Files.writeString(bin.resolve("labelbench-server"), script, StandardCharsets.UTF_8);
		return folder;
	}
}
