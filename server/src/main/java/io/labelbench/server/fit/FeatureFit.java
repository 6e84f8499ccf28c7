package io.labelbench.server.fit;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import io.labelbench.server.nlp.clinical.FeatureClassifier;
import io.labelbench.server.nlp.clinical.FeatureClassifier.Description;

/**
 * Fits the assertion and relation classifiers ({@link FeatureClassifier}: Spark ML feature hashing and a multinomial
 * logistic regression) on examples made by the server's own feature extraction. The build's clinical models and a
 * project's trained models are fitted here alike.
 */
public final class FeatureFit {
	/** Feature buckets of HashingTF, L2 strength and iterations of the logistic regression; part of the cache key. */
	public record Params(int hashBuckets, double regParam, int maxIterations) {
		public static final Params DEFAULT = new Params(1 << 16, 0.0005, 100);
	}

	/** One training example: its features and its outcome. */
	public record Example(List<String> features, String outcome) {
	}

	private FeatureFit() {
	}

	/**
	 * Fits HashingTF (binary, {@code numFeatures} buckets) and a multinomial logistic regression on a DataFrame of
	 * the examples, whose outcomes must all be among {@code description.outcomes()}.
	 */
	public static FeatureClassifier fit(SparkSession spark, List<Example> examples, Description description,
			int numFeatures, double regParam, int maxIterations) {
		StructType schema = new StructType()
				.add("features", DataTypes.createArrayType(DataTypes.StringType), false)
				.add("label", DataTypes.DoubleType, false);
		List<Row> rows = new ArrayList<>(examples.size());
		for (Example e : examples) {
			int index = description.outcomes().indexOf(e.outcome());
			if (index < 0) {
				throw new IllegalArgumentException("outcome " + e.outcome() + " is not in " + description.outcomes());
			}
			rows.add(RowFactory.create(e.features().toArray(String[]::new), (double) index));
		}
		HashingTF hashing = new HashingTF().setInputCol("features").setOutputCol("vector").setNumFeatures(numFeatures)
				.setBinary(true);
		Dataset<Row> frame = hashing.transform(spark.createDataFrame(rows, schema)).persist(StorageLevel.MEMORY_ONLY());
		try {
			LogisticRegression regression = new LogisticRegression().setFeaturesCol("vector").setLabelCol("label")
					.setFamily("multinomial").setRegParam(regParam).setElasticNetParam(0.0).setMaxIter(maxIterations)
					.setStandardization(false).setTol(1e-6);
			LogisticRegressionModel model = regression.fit(frame);
			if (model.numClasses() != description.outcomes().size()) {
				// an outcome index above every label seen: Spark sizes the model by the largest label
				throw new IllegalArgumentException("the examples give " + model.numClasses() + " classes, "
						+ description.outcomes().size() + " expected: every outcome needs examples");
			}
			return new FeatureClassifier(description, hashing, model);
		} finally {
			frame.unpersist();
		}
	}
}
