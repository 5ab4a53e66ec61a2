package dev.banger.kernel.core.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DispatcherTest {
    private final Dispatcher dispatcher = new Dispatcher(table(), new StubServices());

    private static DispatchTable table() {
        try {
            return DispatchTable.builder().add("test", TestFamilies.t()).disabledFamily("vm", "vm").build();
        } catch (DispatchTable.TableException e) {
            throw new AssertionError(e);
        }
    }

    private List<ObjectNode> send(String line) {
        List<ObjectNode> frames = new ArrayList<>();
        dispatcher.dispatch(line, frames::add, () -> false);
        return frames;
    }

    private ObjectNode last(String line) {
        List<ObjectNode> frames = send(line);
        assertThat(frames).isNotEmpty();
        return frames.get(frames.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"method\":\"t.whoami\"}",
        "{\"version\":2,\"method\":\"t.whoami\"}",
        "{\"version\":\"1\",\"method\":\"t.whoami\"}",
        "{\"version\":1.5,\"method\":\"t.whoami\"}"})
    void wrongOrMissingVersionIsBadVersionWithAnOpId(String line) {
        ObjectNode f = last(line);
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_version");
        assertThat(f.at("/error/message").asText()).contains("version 1");
        assertThat(f.get("op_id").asText()).matches("op-[0-9a-f]{16}");
    }

    @Test
    void unknownMethodIsStampedWithTheOpId() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.nope\",\"op_id\":\"op-00000000deadbeef\"}");
        assertThat(f.at("/error/code").asText()).isEqualTo("unknown_method");
        assertThat(f.at("/error/message").asText()).contains("t.nope");
        assertThat(f.get("op_id").asText()).isEqualTo("op-00000000deadbeef");
    }

    @Test
    void aDisabledFamilySaysThePluginIsDisabled() {
        ObjectNode f = last("{\"version\":1,\"method\":\"vm.list\"}");
        assertThat(f.at("/error/code").asText()).isEqualTo("unknown_method");
        assertThat(f.at("/error/message").asText()).contains("plugin 'vm'").contains("disabled");
    }

    @Test
    void unknownParamFieldIsNamed() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.sleep\",\"params\":{\"ms\":5,\"colour\":\"red\"}}");
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(f.at("/error/message").asText()).contains("params.colour").contains("unknown field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"fast\"", "true", "1.5", "[1]", "{}"})
    void illTypedParamIsNamed(String value) {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.sleep\",\"params\":{\"ms\":" + value + "}}");
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(f.at("/error/message").asText()).contains("params.ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "2.5"})
    void aScalarWhereAStringBelongsIsRejected(String value) {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.sleep\",\"params\":{\"ms\":5,\"label\":" + value + "}}");
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(f.at("/error/message").asText()).contains("params.label");
    }

    @Test
    void aMissingPrimitiveIsRequiredNotMistyped() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.sleep\",\"params\":{\"label\":\"x\"}}");
        assertThat(f.at("/error/message").asText()).contains("params.ms is required");
    }

    @Test
    void aMethodWithoutParamsSaysSoForAnyField() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.whoami\",\"params\":{\"x\":1}}");
        assertThat(f.at("/error/message").asText()).contains("params.x").contains("takes no params");
    }

    @Test
    void aRecordValidationFailureKeepsItsMessage() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.sleep\",\"params\":{\"ms\":-1}}");
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(f.at("/error/message").asText()).contains("params.ms").contains("greater than 0");
    }

    @Test
    void paramsThatAreNotAnObjectAreRejected() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.sleep\",\"params\":[1,2]}");
        assertThat(f.at("/error/message").asText()).contains("params must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{not json", "[1,2,3]", "\"just a string\"", "{\"version\":1,\"method\":\"t.whoami\"} trailing"})
    void malformedRequestsAreBadRequestsWithAnOpId(String line) {
        ObjectNode f = last(line);
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(f.get("op_id").asText()).startsWith("op-");
    }

    @Test
    void unknownEnvelopeFieldIsNamed() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.whoami\",\"prams\":{}}");
        assertThat(f.at("/error/message").asText()).contains("'prams'");
    }

    @Test
    void aForwardedOpIdIsAdoptedAndSeenByTheHandler() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.whoami\",\"op_id\":\"op-0123456789abcdef\"}");
        assertThat(f.get("op_id").asText()).isEqualTo("op-0123456789abcdef");
        assertThat(f.at("/result/op_id").asText()).isEqualTo("op-0123456789abcdef");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"OP-ABC\"", "\"op-xyz\"", "42", "\"op-12\""})
    void aMalformedForwardedOpIdIsRejected(String opId) {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.whoami\",\"op_id\":" + opId + "}");
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(f.at("/error/message").asText()).contains("op_id");
    }

    @Test
    void aMintedOpIdReachesTheHandlerAndTheResponse() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.whoami\"}");
        assertThat(f.at("/result/op_id").asText()).isEqualTo(f.get("op_id").asText()).matches("op-[0-9a-f]{16}");
    }

    @Test
    void nestedCallsCarryTheSameOpId() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.nested\",\"op_id\":\"op-aaaaaaaabbbbbbbb\"}");
        assertThat(f.at("/result/outer").asText()).isEqualTo("op-aaaaaaaabbbbbbbb");
        assertThat(f.at("/result/inner").asText()).isEqualTo("op-aaaaaaaabbbbbbbb");
    }

    @Test
    void streamingMethodsSendEventsThenOneResult() {
        List<ObjectNode> frames = send("{\"version\":1,\"method\":\"t.ticks\"}");
        assertThat(frames).hasSize(4);
        String op = frames.get(0).get("op_id").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(frames.get(i).at("/event/i").asInt()).isEqualTo(i + 1);
            assertThat(frames.get(i).get("op_id").asText()).isEqualTo(op);
        }
        assertThat(frames.get(3).at("/result/text").asText()).isEqualTo("done");
    }

    @Test
    void aNonStreamingMethodCannotEmit() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.emit_without_streaming\"}");
        assertThat(f.at("/error/code").asText()).isEqualTo("operation_failed");
    }

    @Test
    void anUnexpectedExceptionIsOperationFailedNotACrash() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.boom\"}");
        assertThat(f.at("/error/code").asText()).isEqualTo("operation_failed");
        assertThat(f.at("/error/message").asText()).contains("t.boom").contains("kaboom");
    }

    @Test
    void twoPluginsContributingOneMethodAreRefusedNamingBoth() {
        assertThatThrownBy(() -> DispatchTable.builder().add("first", TestFamilies.t()).add("second", TestFamilies.t()))
                .isInstanceOf(DispatchTable.TableException.class)
                .hasMessageContaining("'first'").hasMessageContaining("'second'");
    }

    @Test
    void aMethodOutsideItsFamilyIsRefused() {
        var stray = TestFamilies.family("x", TestFamilies.t().methods());
        assertThatThrownBy(() -> DispatchTable.builder().add("stray", stray))
                .hasMessageContaining("outside its family 'x'");
    }

    @Test
    void aNumberBeyondItsTypeNamesTheFieldWithoutJacksonInternals() {
        ObjectNode f = last("{\"version\":1,\"method\":\"t.sleep\",\"params\":{\"ms\":99999999999999999999999}}");
        assertThat(f.at("/error/code").asText()).isEqualTo("bad_request");
        assertThat(f.at("/error/message").asText()).contains("params.ms").contains("out of range")
                .doesNotContain("dev.banger").doesNotContain("reference chain").doesNotContain("[Source");
    }
}
