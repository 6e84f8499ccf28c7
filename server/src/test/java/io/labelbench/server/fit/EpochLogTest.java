package io.labelbench.server.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Per-epoch progress lines from the lines Spark NLP's NerDL and ClassifierDL write to their training logs. */
class EpochLogTest {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private ProjectTraining.EpochLog log(boolean validating) {
		return new ProjectTraining.EpochLog(Path.of("unused"), new PrintStream(bytes, true, StandardCharsets.UTF_8),
				validating);
	}

	private String printed() {
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aNerEpochWithValidationIsOneLineOnceItsMicroAverageIsIn() {
		ProjectTraining.EpochLog log = log(true);
		log.line("Training started - total epochs: 3 - lr: 0.003 - batch size: 16 - labels: 15 - chars: 60");
		log.line("Epoch 1/3 started, lr: 0.003, dataset size: 270");
		log.line("Epoch 1/3 - 4.40s - loss: 316.9057 - batches: 17");
		log.line("Quality on validation dataset (10.0%), validation examples = 30");
		log.line("Macro-average\t prec: 0.808, rec: 0.814, f1: 0.811");
		assertEquals("", printed(), "waits for the micro average");
		log.line("Micro-average\t prec: 0.957, rec: 0.943, f1: 0.95");
		assertEquals("{\"event\":\"epoch\",\"epoch\":1,\"epochs\":3,\"loss\":316.9057,\"seconds\":4.4,\"validation\":"
				+ "{\"macroPrecision\":0.808,\"macroRecall\":0.814,\"macroF1\":0.811,\"microPrecision\":0.957,"
				+ "\"microRecall\":0.943,\"microF1\":0.95}}\n", printed());
	}

	@Test
	void withoutValidationAnEpochIsPrintedAsItsLineIsRead() {
		ProjectTraining.EpochLog log = log(false);
		log.line("Epoch 1/2 - 1,70s - loss: 37.3288 - batches: 17"); // %.2f in a comma locale
		assertEquals("{\"event\":\"epoch\",\"epoch\":1,\"epochs\":2,\"loss\":37.3288,\"seconds\":1.7}\n", printed());
	}

	@Test
	void classifierEpochsCountFromOneAndTakeTheScoresOfTheirOwnMetricsFilesInOrder() {
		ProjectTraining.EpochLog log = log(true);
		// as ClassifierDL writes them: epochs from 0 in its log, each validation in a file of its own, read later
		log.line("Epoch 0/2 - 0.40s - loss: 2.3744888 - acc: 0.90625 - batches: 6");
		log.line("Quality on validation dataset (20.0%), validation examples = 48");
		log.line("Epoch 1/2 - 0.06s - loss: 1.8795699 - acc: 1.0 - batches: 6");
		log.line("Macro-average\t prec: 0.9, rec: 0.8, f1: 0.85");
		log.line("Micro-average\t prec: 0.9, recall: 0.9, f1: 0.9");
		assertEquals("{\"event\":\"epoch\",\"epoch\":1,\"epochs\":2,\"loss\":2.3744888,\"seconds\":0.4,\"accuracy\":0.90625,"
				+ "\"validation\":{\"macroPrecision\":0.9,\"macroRecall\":0.8,\"macroF1\":0.85,\"microPrecision\":0.9,"
				+ "\"microRecall\":0.9,\"microF1\":0.9}}\n", printed());
	}
}
