package dev.weft.dataplane.testing;

import dev.weft.linux.netns.NamespaceThreads;
import dev.weft.linux.netns.NetnsRef;
import dev.weft.model.value.IpAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP transfer between two namespaces with a hash on each side: the sockets are created on namespace
 * threads (a socket belongs to the namespace it was made in) and then used from ordinary threads.
 */
public final class Transfer {
  /**
   * What was sent and what arrived, as SHA-256 digests and byte counts, and how the TCP counters of the
   * sender's and the receiver's namespaces moved during the transfer.
   */
  public record Result(long sent, String sentHash, long received, String receivedHash, TcpCounters sender,
      TcpCounters receiver) {
    public boolean intact() {
      return sent == received && sentHash.equals(receivedHash);
    }

    /**
     * Whether TCP ran clean: neither side sent a reset and the sender retransmitted at most 5% of its
     * segments (a loaded machine may drop a few frames at a TAP's backlog; a broken path loses most). A path that hands the receiving kernel frames it cannot match to the connection (it then
     * answers with resets) or drops them gets the data through only on retransmissions, still intact.
     */
    public boolean clean() {
      return sender.outRsts() == 0 && receiver.outRsts() == 0 && sender.retransSegs() * 20 <= sender.outSegs();
    }
  }

  private static final int DEADLINE_SECONDS = 120;

  private Transfer() {}

  /** Sends {@code bytes} random bytes from {@code from} to {@code to}:{@code port} and hashes both ends. */
  public static Result send(NamespaceThreads threads, NetnsRef from, NetnsRef to, IpAddress toAddress, int port, long bytes) {
    TcpCounters senderBefore = TcpCounters.read(threads, from);
    TcpCounters receiverBefore = TcpCounters.read(threads, to);
    try (ServerSocketChannel server = threads.call(to, () -> open(toAddress, port))) {
      CompletableFuture<long[]> receiver = new CompletableFuture<>();
      MessageDigest receivedDigest = sha256();
      Thread.ofPlatform().daemon().start(() -> {
        try (SocketChannel c = server.accept()) {
          ByteBuffer buf = ByteBuffer.allocateDirect(1 << 16);
          long total = 0;
          for (int n; (n = c.read(buf.clear())) >= 0; ) {
            receivedDigest.update(buf.flip());
            total += n;
          }
          receiver.complete(new long[] {total});
        } catch (IOException e) {
          receiver.completeExceptionally(e);
        }
      });
      MessageDigest sentDigest = sha256();
      AtomicBoolean late = new AtomicBoolean();
      try (SocketChannel client = threads.call(from, Transfer::openClient)) {
        // a blocking write has no timeout: a path that loses most segments would hold the test for
        // ever, so the channel is closed under it after the deadline (the write then throws)
        CompletableFuture.delayedExecutor(DEADLINE_SECONDS, TimeUnit.SECONDS).execute(() -> {
          if (client.isOpen()) {
            late.set(true);
            closeQuietly(client);
          }
        });
        client.connect(new InetSocketAddress(toAddress.toInetAddress(), port));
        writeRandom(client, bytes, sentDigest);
      } catch (IOException e) {
        if (late.get()) {
          throw new IllegalStateException("transfer to " + toAddress + ":" + port + " did not finish within "
              + DEADLINE_SECONDS + " s", e);
        }
        throw e;
      }
      long received = receiver.get(DEADLINE_SECONDS, TimeUnit.SECONDS)[0];
      return new Result(bytes, hex(sentDigest), received, hex(receivedDigest),
          TcpCounters.read(threads, from).since(senderBefore), TcpCounters.read(threads, to).since(receiverBefore));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("transfer to " + toAddress + ":" + port + " failed: " + e, e);
    }
  }

  /**
   * Whether a TCP connection from {@code from} to a listener in {@code to} comes up within {@code millis}:
   * the listener is made here, so a failure means the path (or a policy) stopped the handshake.
   */
  public static boolean connects(NamespaceThreads threads, NetnsRef from, NetnsRef to, IpAddress address, int port,
      int millis) {
    try (ServerSocketChannel server = threads.call(to, () -> open(address, port));
        SocketChannel client = threads.call(from, Transfer::openClient)) {
      client.configureBlocking(false);
      client.connect(new InetSocketAddress(address.toInetAddress(), port));
      long deadline = System.nanoTime() + millis * 1_000_000L;
      while (System.nanoTime() < deadline) {
        try {
          if (client.finishConnect()) {
            return true;
          }
        } catch (IOException refused) {
          return false;
        }
        Thread.sleep(10);
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ServerSocketChannel open(IpAddress address, int port) {
    try {
      return ServerSocketChannel.open().bind(new InetSocketAddress(address.toInetAddress(), port));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SocketChannel openClient() {
    try {
      return SocketChannel.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeRandom(SocketChannel client, long bytes, MessageDigest digest) throws IOException {
    Random random = new Random(bytes);
    byte[] chunk = new byte[1 << 16];
    long left = bytes;
    while (left > 0) {
      random.nextBytes(chunk);
      int n = (int) Math.min(chunk.length, left);
      digest.update(chunk, 0, n);
      ByteBuffer b = ByteBuffer.wrap(chunk, 0, n);
      while (b.hasRemaining()) {
        client.write(b);
      }
      left -= n;
    }
  }

  private static void closeQuietly(SocketChannel c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing only to end a transfer past its deadline
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }
}
