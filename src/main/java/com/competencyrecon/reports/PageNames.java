package com.competencyrecon.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * File names of the per-organisation pages. An {@code org_id} is any text a feed delivered, so it is encoded
 * into letters, digits and {@code -}: every other character becomes {@code _} and the two hex digits of each
 * of its UTF-8 bytes. The name is then safe on every file system, cannot climb out of its folder, and needs no
 * escaping inside a link. Very long encodings keep a prefix and a hash of the id, to stay under file-name limits.
 */
public final class PageNames {

    /** The folder of the pages inside the night's report folder. */
    public static final String FOLDER = "organisations";
    public static final String INDEX = FOLDER + "/index.html";

    private static final int MAX_ENCODED = 120;

    private PageNames() {
    }

    /** The page of an organisation, relative to the night's report folder. */
    public static String pageOf(String orgId) {
        return FOLDER + "/" + fileOf(orgId);
    }

    /** The page's file name inside {@link #FOLDER}. */
    public static String fileOf(String orgId) {
        StringBuilder name = new StringBuilder();
        for (byte b : orgId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-')) {
                name.append(c);
            } else {
                name.append('_').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        if (name.length() > MAX_ENCODED) {
            return name.substring(0, MAX_ENCODED / 2) + "~" + sha256(orgId).substring(0, 16) + ".html";
        }
        return name + ".html";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
