package dev.banger.kernel.core.fuzz;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** The JSON fields a params record accepts (snake_case, as the wire names them) and their Java types. */
public record ParamFields(List<Field> fields) {
    public record Field(String json, Type type) {
    }

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    public static ParamFields of(Class<?> params) {
        List<Field> fields = new ArrayList<>();
        if (params.isRecord()) {
            for (RecordComponent c : params.getRecordComponents()) {
                fields.add(new Field(SNAKE.translate(c.getName()), c.getGenericType()));
            }
        }
        return new ParamFields(List.copyOf(fields));
    }
}
