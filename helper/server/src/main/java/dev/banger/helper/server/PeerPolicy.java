package dev.banger.helper.server;

/** Only root and the owner (the uid bangerd runs as) may use the helper; everyone else is refused. */
public record PeerPolicy(long ownerUid) {
    public boolean allows(Peer peer) {
        return peer.uid() == 0 || peer.uid() == ownerUid;
    }
}
