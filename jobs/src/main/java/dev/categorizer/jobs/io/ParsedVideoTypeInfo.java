package dev.categorizer.jobs.io;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Flink type information of {@link ParsedVideo}, picked up through its {@code @TypeInfo} annotation. */
public final class ParsedVideoTypeInfo extends SerializerTypeInfo<ParsedVideo> {
    private static final long serialVersionUID = 1L;

    public static final ParsedVideoTypeInfo INSTANCE = new ParsedVideoTypeInfo();

    private ParsedVideoTypeInfo() {
        super(ParsedVideo.class, ParsedVideoSerializer.INSTANCE);
    }

    /** Used by the {@code @TypeInfo} annotation on {@link ParsedVideo}. */
    public static final class Factory extends TypeInfoFactory<ParsedVideo> {
        @Override
        public TypeInformation<ParsedVideo> createTypeInfo(Type t, Map<String, TypeInformation<?>> generics) {
            return INSTANCE;
        }
    }
}
