package dev.categorizer.jobs.io;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink type information of {@link ParsedVideo}, picked up through its {@code @TypeInfo} annotation. */
public final class ParsedVideoTypeInfo extends TypeInformation<ParsedVideo> {
    private static final long serialVersionUID = 1L;

    public static final ParsedVideoTypeInfo INSTANCE = new ParsedVideoTypeInfo();

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<ParsedVideo> getTypeClass() {
        return ParsedVideo.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<ParsedVideo> createSerializer(SerializerConfig config) {
        return ParsedVideoSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "ParsedVideo";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParsedVideoTypeInfo;
    }

    @Override
    public int hashCode() {
        return ParsedVideoTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof ParsedVideoTypeInfo;
    }

    /** Used by the {@code @TypeInfo} annotation on {@link ParsedVideo}. */
    public static final class Factory extends TypeInfoFactory<ParsedVideo> {
        @Override
        public TypeInformation<ParsedVideo> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return INSTANCE;
        }
    }
}
