package dev.categorizer.jobs.io;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.common.record.Video;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink serializer of {@link ParsedVideo}: a tag byte, then the video's fields or the dead letter's. Hand-written
 * because the records hold immutable lists that Kryo cannot rebuild, and it is smaller and faster than Kryo.
 */
public final class ParsedVideoSerializer extends TypeSerializerSingleton<ParsedVideo> {
    private static final long serialVersionUID = 1L;
    private static final byte VIDEO = 1;
    private static final byte DEAD_LETTER = 2;

    public static final ParsedVideoSerializer INSTANCE = new ParsedVideoSerializer();

    @Override
    public boolean isImmutableType() {
        return true; // records with immutable lists
    }

    @Override
    public ParsedVideo createInstance() {
        return ParsedVideo.rejected(new DeadLetter("", "", ""));
    }

    @Override
    public ParsedVideo copy(ParsedVideo from) {
        return from;
    }

    @Override
    public ParsedVideo copy(ParsedVideo from, ParsedVideo reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(ParsedVideo record, DataOutputView out) throws IOException {
        if (record.isValid()) {
            out.writeByte(VIDEO);
            writeVideo(record.video(), out);
        } else {
            DeadLetter d = record.deadLetter();
            out.writeByte(DEAD_LETTER);
            writeNullable(d.raw(), out);
            writeNullable(d.reason(), out);
            writeNullable(d.at(), out);
        }
    }

    @Override
    public ParsedVideo deserialize(DataInputView in) throws IOException {
        byte tag = in.readByte();
        return switch (tag) {
            case VIDEO -> ParsedVideo.ok(readVideo(in));
            case DEAD_LETTER -> ParsedVideo.rejected(
                    new DeadLetter(readNullable(in), readNullable(in), readNullable(in)));
            default -> throw new IOException("corrupt ParsedVideo record: tag " + tag);
        };
    }

    @Override
    public ParsedVideo deserialize(ParsedVideo reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<ParsedVideo> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Writes a video's fields; also used by other serializers of records that hold a video. */
    public static void writeVideo(Video v, DataOutputView out) throws IOException {
        out.writeUTF(v.id());
        writeLongString(v.title(), out);
        writeLongString(v.description(), out);
        writeStrings(v.tags(), out);
        writeStrings(v.labels(), out);
    }

    public static Video readVideo(DataInputView in) throws IOException {
        String id = in.readUTF();
        String title = readLongString(in);
        String description = readLongString(in);
        List<String> tags = readStrings(in);
        List<String> labels = readStrings(in);
        return new Video(id, title, description, tags, labels);
    }

    private static void writeStrings(List<String> values, DataOutputView out) throws IOException {
        out.writeInt(values.size());
        for (String s : values) {
            writeLongString(s, out);
        }
    }

    private static List<String> readStrings(DataInputView in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(readLongString(in));
        }
        return values;
    }

    private static void writeNullable(String s, DataOutputView out) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeLongString(s, out);
        }
    }

    private static String readNullable(DataInputView in) throws IOException {
        return in.readBoolean() ? readLongString(in) : null;
    }

    // writeUTF is limited to 64 KB; descriptions and raw dead-letter text can be longer.
    private static void writeLongString(String s, DataOutputView out) throws IOException {
        org.apache.flink.types.StringValue.writeString(s, out);
    }

    private static String readLongString(DataInputView in) throws IOException {
        return org.apache.flink.types.StringValue.readString(in);
    }

    /** Stateless snapshot: the format has one version. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ParsedVideo> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
