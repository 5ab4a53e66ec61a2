package dev.banger.helper.server;

/** bangerd-root: the privileged helper. (Being built under issue 3.) */
public final class BangerdRoot {
    private BangerdRoot() {
    }

    public static void main(String[] args) {
        System.err.println("bangerd-root: not built yet");
        System.exit(1);
    }
}
