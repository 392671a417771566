package dev.weft.ipam.plugin;

import dev.weft.cni.protocol.CniDispatcher;
import dev.weft.cni.protocol.CniLog;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The build's AOT training run ({@code weft-ipam --aot-training DIR}): every command, the success and the
 * error paths, IPv4 and IPv6, through the real dispatcher on a scratch store, so that the JDK's AOT cache
 * holds the classes and linkage a real invocation needs.
 */
final class AotTraining {
  private AotTraining() {}

  static void run(Path scratch) {
    String config = "{\"cniVersion\":\"1.1.0\",\"name\":\"aot-training\",\"type\":\"bridge\","
        + "\"cni.dev/valid-attachments\":[{\"containerID\":\"c0\",\"ifname\":\"eth0\"}],"
        + "\"ipam\":{\"type\":\"weft-ipam\",\"dataDir\":\"" + scratch + "\","
        + "\"ranges\":[[{\"subnet\":\"10.250.0.0/24\"}],[{\"subnet\":\"fd00:250::/64\"}]],"
        + "\"routes\":[{\"dst\":\"0.0.0.0/0\"},{\"dst\":\"::/0\"}]}}";
    CniDispatcher dispatcher = new CniDispatcher(new WeftIpamPlugin(CniLog.silent()), CniLog.silent());
    for (int i = 0; i < 3; i++) {
      invoke(dispatcher, config, "ADD", "c" + i, "");
      invoke(dispatcher, config, "CHECK", "c" + i, "");
    }
    invoke(dispatcher, config, "ADD", "c9", "IgnoreUnknown=1;K8S_POD_NAME=x;ip=10.250.0.77");
    invoke(dispatcher, config, "ADD", "c1", ""); // duplicate: the error path
    invoke(dispatcher, config.replace("10.250.0.0/24", "10.250.0.0/33"), "ADD", "bad", ""); // config error
    invoke(dispatcher, config, "DEL", "c1", "");
    invoke(dispatcher, config, "GC", "c0", "");
    invoke(dispatcher, config, "STATUS", "c0", "");
    invoke(dispatcher, config, "VERSION", "c0", "");
  }

  private static void invoke(CniDispatcher dispatcher, String config, String command, String id, String args) {
    Map<String, String> env = new HashMap<>();
    env.put("CNI_COMMAND", command);
    env.put("CNI_CONTAINERID", id);
    env.put("CNI_NETNS", "/proc/self/ns/net");
    env.put("CNI_IFNAME", "eth0");
    env.put("CNI_PATH", "/opt/cni/bin");
    env.put("CNI_ARGS", args);
    dispatcher.run(env, new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)), OutputStream.nullOutputStream());
  }
}
