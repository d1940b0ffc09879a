package io.wsmemory.report;

import io.wsmemory.core.api.Fact;
import io.wsmemory.core.api.Kinds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a fact shows in the memory: the file and the managed block of its main line (a fact may be mentioned in
 * other sections too, such as a payload limit under Validation Rules). The drift check groups changes by it.
 */
public final class Places {

    /** A file and a block of it, with the block's title. */
    public record Place(String file, String block, String title) implements Comparable<Place> {
        @Override
        public int compareTo(Place o) {
            int c = Integer.compare(rank(file), rank(o.file));
            return c != 0 ? c : Integer.compare(rank(block), rank(o.block));
        }
    }

    /** Every block in template order, with its title. */
    private static final Map<String, Place> BLOCKS = new LinkedHashMap<>();

    static {
        add(Memory.CONNECTION_PATTERNS, "connection.header", "Title");
        add(Memory.CONNECTION_PATTERNS, "connection.library", "WebSocket Library");
        add(Memory.CONNECTION_PATTERNS, "connection.settings", "Connection Settings");
        add(Memory.CONNECTION_PATTERNS, "connection.auth", "Authentication");
        add(Memory.CONNECTION_PATTERNS, "connection.reconnect", "Reconnection");
        add(Memory.CONNECTION_PATTERNS, "connection.clients", "Client Types");
        add(Memory.CONNECTION_PATTERNS, "connection.transports", "Transport Fallbacks");
        add(Memory.CONNECTION_PATTERNS, "connection.issues", "Known Issues");
        add(Memory.MESSAGE_SCHEMAS, "messages.header", "Title");
        add(Memory.MESSAGE_SCHEMAS, "messages.envelope", "Envelope Format");
        add(Memory.MESSAGE_SCHEMAS, "messages.events", "Event Types");
        add(Memory.MESSAGE_SCHEMAS, "messages.rooms", "Rooms and Channels");
        add(Memory.MESSAGE_SCHEMAS, "messages.serialization", "Serialization");
        add(Memory.MESSAGE_SCHEMAS, "messages.validation", "Validation Rules");
        add(Memory.MESSAGE_SCHEMAS, "messages.versioning", "Versioning");
        add(Memory.SCALING_CONFIG, "scaling.header", "Title");
        add(Memory.SCALING_CONFIG, "scaling.architecture", "Architecture");
        add(Memory.SCALING_CONFIG, "scaling.broker", "Broker");
        add(Memory.SCALING_CONFIG, "scaling.load-balancing", "Load Balancing");
        add(Memory.SCALING_CONFIG, "scaling.capacity", "Capacity");
        add(Memory.SCALING_CONFIG, "scaling.monitoring", "Monitoring");
        add(Memory.SCALING_CONFIG, "scaling.issues", "Known Issues");
    }

    /** Facts of a kind the templates do not show live only in the snapshot. */
    public static final Place SNAPSHOT_ONLY = new Place(Memory.SNAPSHOT, "facts", "Other facts");

    private static final List<String> ORDER = List.copyOf(BLOCKS.keySet());

    private Places() {
    }

    private static void add(String file, String block, String title) {
        BLOCKS.put(block, new Place(file, block, title));
    }

    private static int rank(String name) {
        int i = Memory.FILES.indexOf(name);
        if (i >= 0) {
            return i;
        }
        i = ORDER.indexOf(name);
        return i >= 0 ? i : Integer.MAX_VALUE;
    }

    /** A block by id, or a place named after it when the templates have no such block. */
    public static Place block(String file, String id) {
        Place p = BLOCKS.get(id);
        return p != null ? p : new Place(file, id, id);
    }

    /** The block that states a fact. */
    public static Place of(Fact f) {
        String block = switch (f.kind()) {
            case Kinds.LIBRARY -> "connection.library";
            case Kinds.SETTING -> MemoryModel.isProxy(f) ? "scaling.load-balancing" : "connection.settings";
            case Kinds.AUTH, Kinds.ORIGIN -> "connection.auth";
            case Kinds.RECONNECT -> "connection.reconnect";
            case Kinds.CLIENT_TYPE -> "connection.clients";
            case Kinds.TRANSPORT -> "connection.transports";
            case Kinds.FINDING -> MemoryModel.isScalingFinding(f) ? "scaling.issues" : "connection.issues";
            case Kinds.ENVELOPE -> "messages.envelope";
            case Kinds.EVENT -> "messages.events";
            case Kinds.ROOM, Kinds.NAMESPACE, Kinds.DESTINATION -> "messages.rooms";
            case Kinds.SERIALIZATION -> "messages.serialization";
            case Kinds.ADAPTER, Kinds.BROKER -> "scaling.broker";
            case Kinds.STICKY -> "scaling.load-balancing";
            case Kinds.CAPACITY -> "scaling.capacity";
            case Kinds.HEALTH, Kinds.METRIC, Kinds.ALERT -> "scaling.monitoring";
            default -> null;
        };
        return block == null ? SNAPSHOT_ONLY : BLOCKS.get(block);
    }
}
