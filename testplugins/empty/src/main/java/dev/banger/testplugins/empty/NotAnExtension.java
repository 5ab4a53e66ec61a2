package dev.banger.testplugins.empty;

/** The classic packaging mistake: a plugin jar whose classes are not @Extension RpcFamily implementations. */
public final class NotAnExtension {
    public String hello() {
        return "nobody calls me";
    }
}
