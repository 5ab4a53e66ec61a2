package dev.banger.helper.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.banger.kernel.api.wire.ErrorCode;
import dev.banger.kernel.api.wire.Json;
import dev.banger.kernel.api.wire.RpcException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * banger's own nftables table ({@code table ip banger}): read as JSON with rule handles, changed
 * only through {@code nft -f -} scripts so each change is one atomic transaction.
 */
public final class NftTable {
    public static final String FAMILY = "ip";
    public static final String NAME = "banger";
    static final String QUALIFIED = FAMILY + " " + NAME;
    private final HostCommands cmd;

    public NftTable(HostCommands cmd) {
        this.cmd = cmd;
    }

    /** Every rule in the table; empty when the table does not exist. */
    public List<NatRule> rules() {
        CommandResult r = cmd.attempt("nft", null, "-j", "-a", "list", "table", FAMILY, NAME);
        if (!r.ok()) {
            if (r.stderr().contains("No such file or directory")) {
                return List.of();
            }
            throw HostCommands.failed(r);
        }
        List<NatRule> rules = new ArrayList<>();
        for (JsonNode item : parse(r.stdout()).path("nftables")) {
            JsonNode rule = item.get("rule");
            if (rule != null) {
                rules.add(new NatRule(rule.path("chain").asText(), rule.path("handle").asLong(), rule.path("comment").asText(null)));
            }
        }
        return rules;
    }

    /** Applies a script atomically: either every line takes effect or none. */
    public void apply(String script) {
        cmd.run("nft", script, "-f", "-");
    }

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new RpcException(ErrorCode.OPERATION_FAILED, "nft printed unreadable JSON: " + e.getMessage());
        }
    }
}
