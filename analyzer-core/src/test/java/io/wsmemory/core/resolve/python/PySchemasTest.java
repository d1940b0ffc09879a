package io.wsmemory.core.resolve.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.wsmemory.core.parse.ParsedFile;
import io.wsmemory.core.resolve.SourceSet;
import io.wsmemory.core.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PySchemasTest {

    private static PyResolver resolver(String mainPath, String... files) {
        List<SourceFile> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i += 2) {
            sources.add(SourceFile.ofContent(files[i], files[i + 1]));
        }
        SourceSet set = new SourceSet(sources, 5_000);
        ParsedFile main = set.parsed(set.file(mainPath).orElseThrow());
        return new PyResolver(main, set);
    }

    private static Optional<PySchemas.Shape> shape(PyResolver r, String name) {
        return PySchemas.shape(r, r.resolveName(name, null));
    }

    @Test
    void pydanticModelsWithConstraintsLiteralsAndInheritance() {
        PyResolver r = resolver("m.py", "m.py", """
                from typing import Literal, Optional
                from pydantic import BaseModel, Field, constr

                class Base(BaseModel):
                    room: constr(min_length=1, max_length=32)

                class Join(Base):
                    type: Literal["join"]
                    nick: Optional[str] = None
                    age: int = Field(..., ge=13)
                """);
        PySchemas.Shape s = shape(r, "Join").orElseThrow();
        assertThat(s.library()).isEqualTo("pydantic");
        assertThat(s.describe()).isEqualTo("pydantic: {room: str min_length=1 "
                + "max_length=32, type: Literal[\"join\"], nick?: Optional[str], age: int ge=13}");
        assertThat(s.required()).containsExactly("room", "type", "age");
        assertThat(s.literalField().literal()).isEqualTo("join");
    }

    @Test
    void drfSerializersMarshmallowDataclassesAndTypedDicts() {
        PyResolver r = resolver("m.py", "m.py", """
                from dataclasses import dataclass
                from typing import TypedDict
                from rest_framework import serializers
                from marshmallow import Schema, fields, validate

                class MessageSerializer(serializers.Serializer):
                    text = serializers.CharField(max_length=500)
                    room = serializers.IntegerField(required=False)
                    id = serializers.IntegerField(read_only=True)

                class MoveSchema(Schema):
                    card = fields.Int(required=True)
                    column = fields.Str(validate=validate.Length(max=40))

                @dataclass
                class Ping:
                    seq: int
                    note: str = ""

                class Typing(TypedDict):
                    room: str
                """);
        assertThat(shape(r, "MessageSerializer").orElseThrow().describe())
                .isEqualTo("drf: {text: str max_length=500, room?: int}");
        assertThat(shape(r, "MoveSchema").orElseThrow().describe())
                .isEqualTo("marshmallow: {card: int, column?: str max_length=40}");
        assertThat(shape(r, "Ping").orElseThrow().describe()).isEqualTo("dataclass: {seq: int, note?: str}");
        assertThat(shape(r, "Typing").orElseThrow().describe()).isEqualTo("typeddict: {room: str}");
    }

    @Test
    void validationsInBodiesAndUnions() {
        PyResolver r = resolver("h.py",
                "h.py", """
                        from pydantic import TypeAdapter
                        from .models import Join, Leave, Msg, Ser

                        def a(data):
                            m = Join(**data)

                        def b(data):
                            s = Ser(data=data)
                            s.is_valid(raise_exception=True)

                        def c(text):
                            return TypeAdapter(Msg).validate_json(text)

                        def d(data):
                            return len(data)
                        """,
                "models.py", """
                        from typing import Annotated, Literal, Union
                        from pydantic import BaseModel, Field
                        from rest_framework import serializers

                        class Join(BaseModel):
                            type: Literal["join"]

                        class Leave(BaseModel):
                            type: Literal["leave"]

                        Msg = Annotated[Union[Join, Leave], Field(discriminator="type")]

                        class Ser(serializers.Serializer):
                            text = serializers.CharField()
                        """);
        var file = r.pyFile();
        List<String> found = new ArrayList<>();
        for (String f : List.of("a", "b", "c", "d")) {
            Optional<PySchemas.Validation> v = PySchemas.validationIn(r, file.function(f).field("body"));
            found.add(v.map(x -> x.shapes().stream().map(PySchemas.Shape::name).toList().toString()).orElse("-"));
        }
        assertThat(found).containsExactly("[Join]", "[Ser]", "[Join, Leave]", "-");
    }
}
