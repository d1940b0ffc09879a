package io.wsmemory.detectors.channels;

import io.wsmemory.core.api.Confidence;
import io.wsmemory.core.api.Evidence;
import io.wsmemory.core.api.Source;
import io.wsmemory.core.resolve.python.PyValue;
import io.wsmemory.detectors.channels.ChannelsFindings.Opt;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of channels_redis {@code hosts}: a {@code (host, port)} tuple, a {@code redis://} URL, or a dict with
 * an {@code address}; read as {@code host:port}, with the environment variable it comes from.
 */
final class RedisHosts {

    static final int DEFAULT_PORT = 6379;

    private RedisHosts() {
    }

    static Opt host(PyValue v, Evidence at) {
        List<Evidence> ev = ChannelsFileScan.withVia(at, v);
        if (v.is(PyValue.Kind.LIST)) {
            List<PyValue> parts = v.items();
            if (parts.isEmpty()) {
                return null;
            }
            PyValue h = parts.get(0);
            PyValue p = parts.size() > 1 ? parts.get(1) : null;
            String port = p == null ? String.valueOf(DEFAULT_PORT) : p.effective().isLiteral() ? p.effective().text()
                    : null;
            for (Evidence e : h.via()) {
                if (!ev.contains(e)) {
                    ev.add(e);
                }
            }
            if (p != null) {
                for (Evidence e : p.via()) {
                    if (!ev.contains(e)) {
                        ev.add(e);
                    }
                }
            }
            String variable = h.is(PyValue.Kind.ENV) ? h.variable() : p != null && p.is(PyValue.Kind.ENV)
                    ? p.variable() : null;
            Source source = variable != null ? Source.ENV : Source.EXPLICIT;
            PyValue he = h.effective();
            if (!he.is(PyValue.Kind.STRING)) {
                return new Opt("", source, Confidence.MEDIUM, variable, ev);
            }
            return new Opt(he.string() + (port == null ? "" : ":" + port), source,
                    variable != null || !v.via().isEmpty() || !h.via().isEmpty() ? Confidence.MEDIUM : Confidence.HIGH,
                    variable, ev);
        }
        if (v.is(PyValue.Kind.DICT)) {
            PyValue address = v.get("address");
            return address.isKnown() ? host(address, at) : null;
        }
        if (v.is(PyValue.Kind.ENV)) {
            PyValue fb = v.fallback();
            String text = fb != null && fb.is(PyValue.Kind.STRING) ? fromUrl(fb.string()) : "";
            return new Opt(text == null ? "" : text, Source.ENV, Confidence.MEDIUM, v.variable(), ev);
        }
        if (v.is(PyValue.Kind.STRING)) {
            String text = fromUrl(v.string());
            return text == null ? null : new Opt(text, Source.EXPLICIT,
                    v.via().isEmpty() ? Confidence.HIGH : Confidence.MEDIUM, null, ev);
        }
        return null;
    }

    /** {@code redis://:pw@host:6380/0} → {@code host:6380}; a bare host gets the default port. */
    static String fromUrl(String url) {
        String u = url.trim();
        if (u.isEmpty()) {
            return "";
        }
        if (!u.contains("://")) {
            return u.contains(":") ? u : u + ":" + DEFAULT_PORT;
        }
        if (u.startsWith("unix://")) {
            return u;
        }
        try {
            URI uri = URI.create(u);
            String host = uri.getHost();
            if (host == null) {
                String auth = uri.getRawAuthority();
                if (auth == null) {
                    return null;
                }
                host = auth.contains("@") ? auth.substring(auth.lastIndexOf('@') + 1) : auth;
                return host.contains(":") ? host : host + ":" + DEFAULT_PORT;
            }
            int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
            return host + ":" + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static List<String> values(List<Opt> hosts) {
        List<String> out = new ArrayList<>();
        for (Opt o : hosts) {
            out.add(o.value());
        }
        return out;
    }
}
