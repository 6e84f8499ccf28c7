package io.labelbench.server.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Per-epoch progress lines from the lines Spark NLP's NerDL and ClassifierDL write to their training log. */
class EpochLogTest {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
	private final ProjectTraining.EpochLog log = new ProjectTraining.EpochLog(Path.of("unused"),
			new PrintStream(bytes, true, StandardCharsets.UTF_8));

	private String printed() {
		return bytes.toString(StandardCharsets.UTF_8);
	}

	@Test
	void aNerEpochWithValidationIsOneLineOnceItsMicroAverageIsIn() {
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
	void withoutValidationTheNextEpochLineFlushesTheLastOne() {
		log.line("Epoch 1/2 - 1.70s - loss: 37.3288 - batches: 17");
		log.line("Epoch 2/2 - 1,75s - loss: 7.8706 - batches: 17"); // %.2f in a comma locale
		assertEquals("{\"event\":\"epoch\",\"epoch\":1,\"epochs\":2,\"loss\":37.3288,\"seconds\":1.7}\n", printed());
	}

	@Test
	void aClassifierEpochCarriesItsTrainingAccuracy() {
		log.line("Epoch 1/12 - 0.52s - loss: 12.5 - acc: 0.61 - batches: 4");
		log.line("Epoch 2/12 - 0.31s - loss: 9.0 - acc: 0.8 - batches: 4");
		assertEquals("{\"event\":\"epoch\",\"epoch\":1,\"epochs\":12,\"loss\":12.5,\"seconds\":0.52,\"accuracy\":0.61}\n",
				printed());
	}
}
