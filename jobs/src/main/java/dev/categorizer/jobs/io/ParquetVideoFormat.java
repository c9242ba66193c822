package dev.categorizer.jobs.io;

import dev.categorizer.common.record.DeadLetter;
import dev.categorizer.jobs.progress.LocalProgress;
import java.io.IOException;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.formats.parquet.avro.AvroParquetReaders;

/**
 * Reads Parquet files of videos for a Flink {@code FileSource} with flink-parquet's Avro reader and the schema of
 * {@link VideoAvroSchema}. A row without id becomes a dead letter; a file that cannot be read (not Parquet,
 * columns of another type, damaged) becomes one dead letter for the rest of the file instead of failing the job.
 */
public final class ParquetVideoFormat implements StreamFormat<ParsedVideo> {
    private static final long serialVersionUID = 1L;

    private transient StreamFormat<GenericRecord> avro;

    private StreamFormat<GenericRecord> avro() {
        if (avro == null) {
            avro = AvroParquetReaders.forGenericRecord(VideoAvroSchema.schema());
        }
        return avro;
    }

    @Override
    public Reader<ParsedVideo> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd) {
        try {
            return new VideoReader(avro().createReader(config, stream, fileLen, splitEnd), fileLen);
        } catch (IOException | RuntimeException e) {
            return VideoReader.failed(e, fileLen, stream);
        }
    }

    @Override
    public Reader<ParsedVideo> restoreReader(
            Configuration config, FSDataInputStream stream, long restoredOffset, long fileLen, long splitEnd) {
        try {
            return new VideoReader(avro().restoreReader(config, stream, restoredOffset, fileLen, splitEnd), fileLen);
        } catch (IOException | RuntimeException e) {
            return VideoReader.failed(e, fileLen, stream);
        }
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<ParsedVideo> getProducedType() {
        return ParsedVideoTypeInfo.INSTANCE;
    }

    /** Maps Avro records to videos; turns the first read error into a dead letter and ends the file there. */
    private static final class VideoReader implements Reader<ParsedVideo> {
        private final Reader<GenericRecord> records;
        private final long fileLen;
        private Exception failure;
        private boolean finished;
        private FSDataInputStream stream; // only when the Parquet reader could not be created
        private int unreported; // records not yet told to LocalProgress

        VideoReader(Reader<GenericRecord> records, long fileLen) {
            this.records = records;
            this.fileLen = fileLen;
        }

        static VideoReader failed(Exception e, long fileLen, FSDataInputStream stream) {
            VideoReader reader = new VideoReader(null, fileLen);
            reader.failure = e;
            reader.stream = stream;
            return reader;
        }

        @Override
        public ParsedVideo read() {
            if (finished) {
                return null;
            }
            if (failure == null) {
                try {
                    GenericRecord record = records.read();
                    if (record != null) {
                        if (++unreported == 512) reportRead(0);
                        return VideoAvroSchema.toParsedVideo(record);
                    }
                    finished = true;
                    reportRead(fileLen); // Parquet reads by row group: the file's bytes count when it is done
                    return null;
                } catch (IOException | RuntimeException e) {
                    failure = e;
                }
            }
            finished = true;
            reportRead(fileLen);
            return ParsedVideo.rejected(new DeadLetter(
                    "(Parquet file of " + fileLen + " bytes)",
                    "unreadable Parquet file: " + failure,
                    Instant.now().toString()));
        }

        private void reportRead(long bytes) {
            LocalProgress.addRead(bytes, unreported);
            unreported = 0;
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return records == null ? null : records.getCheckpointedPosition();
        }

        @Override
        public void close() throws IOException {
            if (records != null) {
                records.close();
            } else if (stream != null) {
                stream.close();
            }
        }
    }
}
