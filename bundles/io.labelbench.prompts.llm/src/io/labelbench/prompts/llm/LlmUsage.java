package io.labelbench.prompts.llm;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What an LLM run cost and what it threw away, counted across threads: requests and retries, the tokens the
 * endpoint reported in its {@code usage} field, answers that were not the JSON asked for, and strings the model
 * returned that are not in the text (invented, dropped).
 */
public final class LlmUsage {

	/** The counts at one moment. */
	public record Snapshot(long requests, long retries, long promptTokens, long completionTokens, long malformed,
			long invented) {

		public long totalTokens() {
			return promptTokens + completionTokens;
		}

		/** What a run report prints. */
		@Override
		public String toString() {
			return requests + " requests (" + retries + " retried), " + totalTokens() + " tokens (" + promptTokens
					+ " prompt, " + completionTokens + " completion), " + malformed + " malformed answers, "
					+ invented + " invented strings dropped";
		}
	}

	private final AtomicLong requests = new AtomicLong();
	private final AtomicLong retries = new AtomicLong();
	private final AtomicLong promptTokens = new AtomicLong();
	private final AtomicLong completionTokens = new AtomicLong();
	private final AtomicLong malformed = new AtomicLong();
	private final AtomicLong invented = new AtomicLong();

	void request() {
		requests.incrementAndGet();
	}

	void retry() {
		retries.incrementAndGet();
	}

	void tokens(long prompt, long completion) {
		promptTokens.addAndGet(prompt);
		completionTokens.addAndGet(completion);
	}

	void malformed() {
		malformed.incrementAndGet();
	}

	void invented(int count) {
		invented.addAndGet(count);
	}

	public Snapshot snapshot() {
		return new Snapshot(requests.get(), retries.get(), promptTokens.get(), completionTokens.get(), malformed.get(),
				invented.get());
	}

	@Override
	public String toString() {
		return snapshot().toString();
	}
}
