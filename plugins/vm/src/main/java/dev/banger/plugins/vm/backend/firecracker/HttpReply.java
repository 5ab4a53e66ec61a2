package dev.banger.plugins.vm.backend.firecracker;

/** One HTTP answer: the status code and the body as text (empty when there was none). */
public record HttpReply(int status, String body) {
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
