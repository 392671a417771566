package dev.weft.dataplane.forward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.dataplane.offload.Transport;
import dev.weft.dataplane.offload.TunnelGsoHeader;
import dev.weft.dataplane.plan.SocketPlan;
import dev.weft.dataplane.testing.Boards;
import dev.weft.dataplane.testing.FakePorts;
import dev.weft.dataplane.testing.Frames;
import dev.weft.dataplane.testing.InteropLab;
import dev.weft.dataplane.underlay.Encapsulation;
import dev.weft.engine.event.DropReason;
import dev.weft.engine.packet.TcpHeader;
import dev.weft.engine.packet.VxlanHeader;
import dev.weft.model.InterfaceRef;
import dev.weft.model.NetworkModel;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.socket.DatagramPacket;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Segmentation offload through a host's switchboard (fake ports, no root): a pod's TCP batch crosses the
 * bridge whole (its largest segment fits the MTU) and leaves as VXLAN datagrams that each fit; consecutive
 * VXLAN datagrams of one flow reach the pod as one batch; a damaged one is not merged.
 */
class SegmentationOffloadTest {
  private static final NetworkModel MODEL = InteropLab.load(DecapFuzzProperties.TOPOLOGY);
  private static final InterfaceRef POD = InterfaceRef.of("p-1", "eth0");
  private static final Mac POD_MAC = MODEL.iface(POD).orElseThrow().mac();
  private static final IpAddress POD_IP = MODEL.iface(POD).orElseThrow().addresses().getFirst().address();
  /** The pod behind the VXLAN overlay on h2 (h1's overlay learns its MAC, see {@link #learnTheRemotePod}). */
  private static final InterfaceRef REMOTE = InterfaceRef.of("r-1", "eth0");
  private static final Mac REMOTE_MAC = MODEL.iface(REMOTE).orElseThrow().mac();
  private static final IpAddress REMOTE_IP = MODEL.iface(REMOTE).orElseThrow().addresses().getFirst().address();
  private static final int MSS = 1398;

  private final Boards boards = new Boards(MODEL, "h1", true);
  private final SocketPlan vxlan = boards.plan.sockets().stream()
      .filter(s -> s.encapsulation() == Encapsulation.VXLAN).findFirst().orElseThrow();

  /** Tunnel batch ports attached by a test, released after it. */
  private final List<FakePorts.TunnelBatches> kernels = new ArrayList<>();

  @AfterEach
  void close() {
    assertThat(boards.errors).as("handler failures").isEmpty();
    kernels.forEach(FakePorts.TunnelBatches::clear);
    boards.close();
  }

  /** The host's kernel as a tunnel batch port that takes batches or declines them, the remote pod learnt. */
  private FakePorts.TunnelBatches kernel(boolean takes) {
    FakePorts.TunnelBatches kernel = new FakePorts.TunnelBatches(takes);
    kernels.add(kernel);
    boards.board.attachTunnelBatches(kernel);
    learnTheRemotePod();
    return kernel;
  }

  @Test
  void aPodsBatchLeavesAsVxlanDatagramsThatFit() {
    learnTheRemotePod();
    byte[] data = randomBytes(20_000);
    ByteBuf batch = Frames.tcp(REMOTE_MAC, POD_MAC, POD_IP, REMOTE_IP, 1_000_000, TcpHeader.ACK | TcpHeader.PSH, data);
    boards.board.fromTap(POD, batch, MSS);
    boards.board.endOfBatch();

    FakePorts.Socket socket = boards.sockets.get(vxlan);
    int pieces = (data.length + MSS - 1) / MSS;
    assertThat(socket.sent).as("one datagram per segment").hasSize(pieces);
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    long seq = 1_000_000;
    for (int i = 0; i < pieces; i++) {
      ByteBuf content = socket.sent.get(i).content();
      assertThat(content.readableBytes()).as("VXLAN, Ethernet and a segment fit the underlay MTU").isLessThanOrEqualTo(1500 - 28);
      ByteBuf frame = content.slice(content.readerIndex() + VxlanHeader.LENGTH, content.readableBytes() - VxlanHeader.LENGTH);
      Transport t = Transport.of(frame).orElseThrow();
      assertThat(t.verifies(frame)).as("segment %d's TCP checksum is complete", i).isTrue();
      int headers = t.offset() + t.tcpHeaderLength(frame);
      assertThat(frame.getUnsignedInt(t.offset() + 4)).as("sequence number of segment %d", i).isEqualTo(seq);
      int flags = frame.getUnsignedByte(t.offset() + 13);
      assertThat((flags & TcpHeader.PSH) != 0).as("PSH only on the last segment").isEqualTo(i == pieces - 1);
      byte[] part = ByteBufUtil.getBytes(frame, headers, frame.readableBytes() - headers);
      payload.writeBytes(part);
      seq += part.length;
    }
    assertThat(payload.toByteArray()).as("the segments carry the batch's data in order").isEqualTo(data);
  }

  @Test
  void withATunnelBatchPortAPodsBatchLeavesWholeForTheKernelToCut() {
    FakePorts.TunnelBatches kernel = kernel(true);
    byte[] data = randomBytes(20_000);
    ByteBuf batch = Frames.tcp(REMOTE_MAC, POD_MAC, POD_IP, REMOTE_IP, 1_000_000, TcpHeader.ACK | TcpHeader.PSH, data);
    boards.board.fromTap(POD, batch, MSS);
    boards.board.endOfBatch();
    assertThat(boards.sockets.get(vxlan).sent).as("nothing cut into datagrams").isEmpty();
    assertThat(kernel.sent).hasSize(1);
    FakePorts.TunnelBatches.Sent sent = kernel.sent.getFirst();
    assertThat(sent.gsoSize()).isEqualTo(MSS);
    assertThat(sent.local()).isEqualTo(vxlan.local());
    assertThat(sent.localPort()).isEqualTo(vxlan.port());
    assertThat(sent.to()).isEqualTo(new InetSocketAddress(IpAddress.parse("192.168.90.2").toInetAddress(), 4789));
    ByteBuf payload = sent.payload();
    assertThat(payload.getUnsignedMedium(payload.readerIndex() + 4)).as("VNI").isEqualTo(42);
    ByteBuf frame = payload.slice(payload.readerIndex() + VxlanHeader.LENGTH, payload.readableBytes() - VxlanHeader.LENGTH);
    Transport t = Transport.of(frame).orElseThrow();
    assertThat(sent.inner()).isEqualTo(new TunnelGsoHeader.Inner(VxlanHeader.LENGTH + t.ip(), VxlanHeader.LENGTH + t.offset(),
        t.tcpHeaderLength(frame)));
    assertThat(t.partial(frame)).as("the checksum field holds the pseudo-header sum, for the kernel to finish").isTrue();
    int headers = t.offset() + t.tcpHeaderLength(frame);
    assertThat(ByteBufUtil.getBytes(frame, headers, frame.readableBytes() - headers)).as("the batch's data, whole").isEqualTo(data);
  }

  @Test
  void whatTheSocketHoldsLeavesBeforeABatchHandedToTheKernel() {
    FakePorts.TunnelBatches kernel = kernel(true);
    FakePorts.Socket socket = boards.sockets.get(vxlan);
    int flushed = socket.flushes;
    // one read of the pod's TAP: a lone segment, queued on the socket, then a batch of the same flow
    boards.board.fromTap(POD, Frames.tcp(REMOTE_MAC, POD_MAC, POD_IP, REMOTE_IP, 1, TcpHeader.ACK, randomBytes(100)), 0);
    assertThat(socket.flushes).as("the lone segment waits for the end of the read batch").isEqualTo(flushed);
    boards.board.fromTap(POD, Frames.tcp(REMOTE_MAC, POD_MAC, POD_IP, REMOTE_IP, 101, TcpHeader.ACK, randomBytes(5 * MSS)), MSS);
    assertThat(kernel.sent).hasSize(1);
    assertThat(socket.flushes).as("flushed before the batch went to the kernel").isEqualTo(flushed + 1);
    assertThat(socket.sent).hasSize(1);
  }

  @Test
  void aBatchTheTunnelBatchPortDeclinesIsCutIntoDatagrams() {
    FakePorts.TunnelBatches kernel = kernel(false);
    boards.board.fromTap(POD, Frames.tcp(REMOTE_MAC, POD_MAC, POD_IP, REMOTE_IP, 1, TcpHeader.ACK, randomBytes(10 * MSS)), MSS);
    boards.board.endOfBatch();
    assertThat(kernel.declined).isOne();
    assertThat(boards.sockets.get(vxlan).sent).hasSize(10);
  }

  @Test
  void aSegmentNothingCouldJoinReachesThePodWithoutACopy() {
    // the bridge knows the pod's port (else it floods, a copy per port)
    boards.board.fromTap(POD, Frames.tcp(REMOTE_MAC, POD_MAC, POD_IP, REMOTE_IP, 1, TcpHeader.ACK, new byte[10]), 0);
    boards.board.endOfBatch();
    // a kernel VXLAN sender's (or weft's tunnel batch port's) whole GSO segment, as a veth underlay delivers it
    byte[] data = randomBytes(40_000);
    ByteBuf content = Frames.vxlan(42, Frames.tcp(POD_MAC, REMOTE_MAC, REMOTE_IP, POD_IP, 5_000, TcpHeader.ACK, data));
    ByteBuf direct = io.netty.buffer.PooledByteBufAllocator.DEFAULT.directBuffer(content.readableBytes()).writeBytes(content);
    content.release();
    long frameAddress = direct.memoryAddress() + VxlanHeader.LENGTH;
    fromPeer(direct);
    boards.board.endOfBatch();
    FakePorts.Tap tap = boards.tap("p-1", "eth0");
    assertThat(tap.batches).as("one write, cut to the overlay's MTU").containsExactly(1450 - 20 - 20);
    ByteBuf written = tap.written.getFirst();
    assertThat(written.memoryAddress() + written.readerIndex()).as("the datagram's own bytes, not a merged copy").isEqualTo(frameAddress);
  }

  @Test
  void aBatchWhoseSegmentsExceedTheMtuIsDroppedAtTheBridge() {
    learnTheRemotePod();
    ByteBuf batch = Frames.tcp(REMOTE_MAC, POD_MAC, POD_IP, REMOTE_IP, 1, TcpHeader.ACK, randomBytes(20_000));
    boards.board.fromTap(POD, batch, 4000);
    boards.board.endOfBatch();
    assertThat(boards.sockets.get(vxlan).sent).isEmpty();
    assertThat(boards.tap("p-1", "eth0").counters().drops(DropReason.MTU_EXCEEDED)).as("4,000-byte segments, MTU 1450").isOne();
  }

  @Test
  void consecutiveDatagramsOfAFlowReachThePodAsOneBatch() {
    byte[] data = randomBytes(10 * MSS);
    for (int i = 0; i < 10; i++) {
      fromPeer(segment(data, i, false));
    }
    boards.board.endOfBatch();

    FakePorts.Tap tap = boards.tap("p-1", "eth0");
    assertThat(tap.batches).as("one write, a batch of %d-byte segments", MSS).containsExactly(MSS);
    ByteBuf merged = tap.written.getFirst();
    Transport t = Transport.of(merged).orElseThrow();
    int headers = t.offset() + t.tcpHeaderLength(merged);
    assertThat(ByteBufUtil.getBytes(merged, merged.readerIndex() + headers, merged.readableBytes() - headers)).isEqualTo(data);
    assertThat(merged.getUnsignedShort(merged.readerIndex() + 16)).as("IPv4 total length of the batch").isEqualTo(merged.readableBytes() - 14);
  }

  @Test
  void aDamagedSegmentIsNotMerged() {
    byte[] data = randomBytes(6 * MSS);
    for (int i = 0; i < 6; i++) {
      fromPeer(segment(data, i, i == 3));
    }
    boards.board.endOfBatch();
    // segments 0-2 merge; 3 fails its checksum and goes alone, as it came; 4-5 then start a new batch
    assertThat(boards.tap("p-1", "eth0").batches).containsExactly(MSS, 0, MSS);
    ByteBuf alone = boards.tap("p-1", "eth0").written.get(1);
    assertThat(Transport.of(alone).orElseThrow().verifies(alone)).as("still fails its checksum, for the pod to drop").isFalse();
  }

  /** The overlay learns where the remote pod is from a frame it sent (the topology has no static entries). */
  private void learnTheRemotePod() {
    fromPeer(segment(new byte[MSS], 0, false));
    boards.board.endOfBatch();
    assertThat(boards.tap("p-1", "eth0").written).hasSize(1);
    boards.tap("p-1", "eth0").clear();
  }

  /** Segment {@code i} of {@code data} from the remote host to the pod, wrapped in VXLAN (VNI 42). */
  private static ByteBuf segment(byte[] data, int i, boolean damaged) {
    byte[] part = java.util.Arrays.copyOfRange(data, i * MSS, (i + 1) * MSS);
    ByteBuf frame = Frames.tcp(POD_MAC, REMOTE_MAC, REMOTE_IP, POD_IP, 5_000 + (long) i * MSS, TcpHeader.ACK, part);
    if (damaged) {
      int last = frame.writerIndex() - 1;
      frame.setByte(last, frame.getByte(last) ^ 0x40);
    }
    return Frames.vxlan(42, frame);
  }

  private void fromPeer(ByteBuf content) {
    InetSocketAddress local = new InetSocketAddress(vxlan.local().toInetAddress(), vxlan.port());
    InetSocketAddress peer = new InetSocketAddress(IpAddress.parse("192.168.90.2").toInetAddress(), 4789);
    boards.board.fromUnderlay(vxlan, new DatagramPacket(content, local, peer));
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
