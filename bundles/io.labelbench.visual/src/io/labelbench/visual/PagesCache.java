package io.labelbench.visual;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.labelbench.core.json.Json;
import io.labelbench.core.store.AtomicFile;
import io.labelbench.core.store.LabelbenchProject;

/**
 * The extracted pages of a document (tokens, boxes, confidences, page sizes), kept in
 * {@code .labelbench/visual/<sha-256 of the document>.json} so no page is OCR'd twice.
 */
public final class PagesCache {

	private final Path folder;

	public PagesCache(LabelbenchProject project) {
		this.folder = project.metaFolder().resolve("visual");
	}

	public static String sha256(Path file) throws IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				in.transferTo(java.io.OutputStream.nullOutputStream());
			}
			return HexFormat.of().formatHex(digest.digest());
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public Optional<List<Page>> read(String sha) throws IOException {
		JsonNode json;
		try {
			json = Json.mapper().readTree(folder.resolve(sha + ".json").toFile());
		} catch (NoSuchFileException | java.io.FileNotFoundException e) {
			return Optional.empty();
		}
		List<Page> pages = new ArrayList<>();
		for (JsonNode page : json.path("pages")) {
			List<Token> tokens = new ArrayList<>();
			for (JsonNode t : page.path("tokens")) {
				tokens.add(new Token(t.get(0).asText(), new Box(t.get(1).asDouble(), t.get(2).asDouble(),
						t.get(3).asDouble(), t.get(4).asDouble()), t.get(5).asInt(), (float) t.get(6).asDouble()));
			}
			pages.add(new Page(page.path("index").asInt(), page.path("width").asDouble(), page.path("height").asDouble(),
					Page.Source.valueOf(page.path("source").asText()), tokens, page.path("millis").asLong()));
		}
		return Optional.of(pages);
	}

	public void write(String sha, List<Page> pages) throws IOException {
		ObjectNode json = Json.nodes().objectNode();
		ArrayNode array = json.putArray("pages");
		for (Page page : pages) {
			ObjectNode node = array.addObject();
			node.put("index", page.index());
			node.put("width", page.width());
			node.put("height", page.height());
			node.put("source", page.source().name());
			node.put("millis", page.millis());
			ArrayNode tokens = node.putArray("tokens");
			for (Token token : page.tokens()) {
				tokens.addArray().add(token.text()).add(token.box().x0()).add(token.box().y0()).add(token.box().x1())
						.add(token.box().y1()).add(token.line()).add(token.confidence());
			}
		}
		AtomicFile.write(folder.resolve(sha + ".json"), out -> Json.mapper().writeValue(out, json));
	}
}
