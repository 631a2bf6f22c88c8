package cn.huangpu.assessment.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The application's JSON factory: parsers that say where a read limit was hit. Jackson refuses a number of more
 * than 1,000 digits (and an over-long string, an over-deep nesting) with an exception that carries neither the
 * parser nor a location, so a 2000-digit year could only be answered as "the body is wrong". These parsers
 * rethrow it as a parse error of this parser, whose position names the field ({@link JsonProblem}). Nothing
 * else changes: the same inputs are read and the same inputs refused, with an {@link IOException} as before.
 */
final class LocatingJsonFactory extends JsonFactory {

    LocatingJsonFactory() {
    }

    private LocatingJsonFactory(LocatingJsonFactory source, ObjectCodec codec) {
        super(source, codec);
    }

    @Override
    public JsonFactory copy() {
        return new LocatingJsonFactory(this, null);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
        return new LocatingParser(super._createParser(in, context));
    }

    @Override
    protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
        return new LocatingParser(super._createParser(reader, context));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int length, IOContext context, boolean recyclable)
            throws IOException {
        return new LocatingParser(super._createParser(data, offset, length, context, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
        return new LocatingParser(super._createParser(data, offset, length, context));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
        return new LocatingParser(super._createParser(input, context));
    }

    /** Every call that reads input: the tokens, and the numbers, which are decoded on first use. */
    static final class LocatingParser extends JsonParserDelegate {

        LocatingParser(JsonParser parser) {
            super(parser);
        }

        private JsonParseException located(StreamConstraintsException limit) {
            return new JsonParseException(this, limit.getOriginalMessage(), limit);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            try {
                return super.nextToken();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public JsonToken nextValue() throws IOException {
            try {
                return super.nextValue();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public void finishToken() throws IOException {
            try {
                super.finishToken();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public String getText() throws IOException {
            try {
                return super.getText();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public Number getNumberValue() throws IOException {
            try {
                return super.getNumberValue();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public Number getNumberValueExact() throws IOException {
            try {
                return super.getNumberValueExact();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public NumberType getNumberType() throws IOException {
            try {
                return super.getNumberType();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public BigInteger getBigIntegerValue() throws IOException {
            try {
                return super.getBigIntegerValue();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public BigDecimal getDecimalValue() throws IOException {
            try {
                return super.getDecimalValue();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public double getDoubleValue() throws IOException {
            try {
                return super.getDoubleValue();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public int getIntValue() throws IOException {
            try {
                return super.getIntValue();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public long getLongValue() throws IOException {
            try {
                return super.getLongValue();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public String getValueAsString() throws IOException {
            try {
                return super.getValueAsString();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public String getValueAsString(String defaultValue) throws IOException {
            try {
                return super.getValueAsString(defaultValue);
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public char[] getTextCharacters() throws IOException {
            try {
                return super.getTextCharacters();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }

        @Override
        public int getTextLength() throws IOException {
            try {
                return super.getTextLength();
            } catch (StreamConstraintsException limit) {
                throw located(limit);
            }
        }
    }
}
