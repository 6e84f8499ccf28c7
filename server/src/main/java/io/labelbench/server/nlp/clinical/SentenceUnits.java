package io.labelbench.server.nlp.clinical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.labelbench.rules.engine.Entity;

/**
 * The sentences of a text as sequences of units: a word, or one whole entity (seen as its label), so features
 * read "mother has #problem and" rather than the names of other findings, and distances count an entity once.
 */
public final class SentenceUnits {

	/** A word (lower case) or, when {@code entity >= 0}, that entity's placeholder {@code #label}. */
	public record Unit(String word, int entity, int sentence) {
		public boolean isEntity() {
			return entity >= 0;
		}
	}

	private final List<Unit> units = new ArrayList<>();
	private final int[] unitOfEntity;
	private final List<Entity> entities;

	/** @param entities in text order; each is placed on the unit of its first token (-1 if it covers no token) */
	public SentenceUnits(TokenizedText text, List<Entity> entities) {
		this.entities = entities;
		List<TokenizedText.Token> tokens = text.tokens();
		int[] entityOfToken = new int[tokens.size()];
		Arrays.fill(entityOfToken, -1);
		unitOfEntity = new int[entities.size()];
		Arrays.fill(unitOfEntity, -1);
		int[][] spans = new int[entities.size()][];
		for (int e = 0; e < entities.size(); e++) {
			spans[e] = text.tokenSpan(entities.get(e));
			if (spans[e] != null) {
				for (int t = spans[e][0]; t < spans[e][1]; t++) {
					if (entityOfToken[t] < 0) {
						entityOfToken[t] = e;
					}
				}
			}
		}
		int t = 0;
		while (t < tokens.size()) {
			int e = entityOfToken[t];
			if (e < 0) {
				units.add(new Unit(tokens.get(t).lower(), -1, tokens.get(t).sentence()));
				t++;
			} else {
				int unit = units.size();
				units.add(new Unit("#" + entities.get(e).label().toLowerCase(java.util.Locale.ROOT), e,
						tokens.get(t).sentence()));
				while (t < tokens.size() && entityOfToken[t] == e) {
					t++;
				}
				unitOfEntity[e] = unit;
			}
		}
		// an entity whose tokens all belong to an earlier one shares that entity's unit
		for (int e = 0; e < entities.size(); e++) {
			if (unitOfEntity[e] < 0 && spans[e] != null) {
				unitOfEntity[e] = unitOfEntity[entityOfToken[spans[e][0]]];
			}
		}
	}

	public List<Unit> units() {
		return units;
	}

	public List<Entity> entities() {
		return entities;
	}

	/** The unit of entity {@code e}, or -1 if it covers no token. */
	public int unitOf(int e) {
		return unitOfEntity[e];
	}

	/** The first unit of the sentence of unit {@code u}. */
	public int sentenceStart(int u) {
		int s = units.get(u).sentence();
		while (u > 0 && units.get(u - 1).sentence() == s) {
			u--;
		}
		return u;
	}

	/** One past the last unit of the sentence of unit {@code u}. */
	public int sentenceEnd(int u) {
		int s = units.get(u).sentence();
		while (u < units.size() && units.get(u).sentence() == s) {
			u++;
		}
		return u;
	}
}
