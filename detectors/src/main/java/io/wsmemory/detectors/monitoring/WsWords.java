package io.wsmemory.detectors.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decides whether a metric, an alert or a dashboard panel is about WebSockets, from the words of its name and help
 * text (the list is data: ws-words.txt). Core words ({@code websocket}, {@code ws}, {@code socket}) always count;
 * strong words ({@code connections}, {@code messages}, {@code rooms}) count unless a word names another kind of
 * connection ({@code db}, {@code http}, {@code redis}); weak words ({@code latency}, {@code events},
 * {@code clients}) count only in a file that itself mentions WebSockets, and not beside a machine resource
 * ({@code memory}, {@code cpu}).
 */
public final class WsWords {

    private static final WordList WORDS = WordList.load(WsWords.class, "ws-words.txt");
    private static final Pattern MENTIONS_WS = Pattern.compile(
            "(?i)websocket|socket\\.io|socketio|sockjs|\\bstomp(?:js)?\\b|gorilla/websocket|k6/ws\\b|\\bwss?://");

    private WsWords() {
    }

    /** True when the texts (a name, a help text...) are about WebSockets; {@code wsFile} opens the weak words. */
    public static boolean relevant(boolean wsFile, String... texts) {
        List<String> words = new ArrayList<>();
        for (String t : texts) {
            words.addAll(WordList.words(t));
        }
        if (WORDS.any("core", words)) {
            return true;
        }
        if (WORDS.any("exclude", words)) {
            return false;
        }
        return WORDS.any("strong", words) || wsFile && WORDS.any("weak", words) && !WORDS.any("resource", words);
    }

    /** True when the text names WebSockets themselves ({@code websocket}, {@code ws}, {@code socket}...). */
    public static boolean core(String text) {
        return WORDS.any("core", WordList.words(text));
    }

    /** True when a file's text mentions WebSockets at all (an import, a URL, the word). */
    public static boolean mentionsWebSocket(CharSequence text) {
        return MENTIONS_WS.matcher(text).find();
    }
}
