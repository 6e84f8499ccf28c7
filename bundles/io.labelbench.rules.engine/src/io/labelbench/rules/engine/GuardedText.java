package io.labelbench.rules.engine;

/**
 * The text a regular expression runs on, counting every character the regex engine reads. Backtracking on a
 * catastrophic pattern reads the same characters over and over; past the budget the match is stopped.
 */
final class GuardedText implements CharSequence {

	/** Thrown inside the regex engine when the budget is spent; caught by {@link RuleEngine}. */
	static final class BudgetExceeded extends RuntimeException {
		private static final long serialVersionUID = 1L;

		BudgetExceeded() {
			super(null, null, false, false);
		}
	}

	private final CharSequence text;
	private final int offset;
	private final int length;
	private final long[] budget;

	GuardedText(CharSequence text, long budget) {
		this(text, 0, text.length(), new long[] { budget });
	}

	private GuardedText(CharSequence text, int offset, int length, long[] budget) {
		this.text = text;
		this.offset = offset;
		this.length = length;
		this.budget = budget;
	}

	@Override
	public char charAt(int index) {
		if (--budget[0] < 0) {
			throw new BudgetExceeded();
		}
		return text.charAt(offset + index);
	}

	@Override
	public int length() {
		return length;
	}

	@Override
	public CharSequence subSequence(int start, int end) {
		return new GuardedText(text, offset + start, end - start, budget);
	}

	@Override
	public String toString() {
		return text.subSequence(offset, offset + length).toString();
	}
}
