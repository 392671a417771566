package dev.weft.linux.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ExtackTest {
  /** An NLMSG_ERROR body as the kernel sends it with NETLINK_CAP_ACK and NETLINK_EXT_ACK on. */
  private static NetlinkMessage error(int errno, String text, boolean capped) {
    MessageWriter tlv = new MessageWriter(0, 0);
    tlv.attrString(Rtnl.NLMSGERR_ATTR_MSG, text);
    ByteBuffer tlvs = tlv.finish(0, 0);
    tlvs.position(Rtnl.NLMSG_HDRLEN);
    int originalLength = capped ? Rtnl.NLMSG_HDRLEN : 40;
    ByteBuffer body = ByteBuffer.allocate(4 + originalLength + tlvs.remaining()).order(ByteOrder.nativeOrder());
    body.putInt(-errno).putInt(originalLength);
    body.position(4 + originalLength);
    body.put(tlvs);
    body.flip();
    int flags = Rtnl.NLM_F_ACK_TLVS | (capped ? Rtnl.NLM_F_CAPPED : 0);
    return new NetlinkMessage(Rtnl.NLMSG_ERROR, flags, 1, 0, body);
  }

  @Test
  void readsTheKernelMessageFromCappedAndUncappedErrors() {
    assertThat(NetlinkSocket.extackMessage(error(95, "Unknown device type", true))).contains("Unknown device type");
    assertThat(NetlinkSocket.extackMessage(error(22, "Invalid prefix", false))).contains("Invalid prefix");
  }

  @Test
  void noTlvsMeansNoMessage() {
    ByteBuffer body = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder()).putInt(-17).putInt(16);
    body.clear();
    assertThat(NetlinkSocket.extackMessage(new NetlinkMessage(Rtnl.NLMSG_ERROR, Rtnl.NLM_F_CAPPED, 1, 0, body))).isEmpty();
  }
}
