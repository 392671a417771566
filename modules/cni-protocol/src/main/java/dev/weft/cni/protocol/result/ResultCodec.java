package dev.weft.cni.protocol.result;

import dev.weft.cni.protocol.CniException;
import dev.weft.cni.protocol.CniVersion;
import dev.weft.cni.protocol.ConfigNode;
import dev.weft.cni.protocol.json.JsonObjectBuilder;
import dev.weft.cni.protocol.json.JsonValue;
import dev.weft.cni.protocol.json.JsonValue.JsonObject;
import dev.weft.model.value.Cidr;
import dev.weft.model.value.InterfaceAddress;
import dev.weft.model.value.IpAddress;
import dev.weft.model.value.Mac;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Renders and parses results. Version differences: 0.3.x and 0.4.0 put {@code "version": "4"|"6"} in each
 * {@code ips[]} entry (1.0.0 dropped it); 1.1.0 added route {@code mtu/advmss/priority/table/scope} and
 * interface {@code mtu/socketPath/pciID}. Older versions never see the newer keys.
 */
final class ResultCodec {
  private ResultCodec() {}

  static JsonObject render(CniResult r, CniVersion v) {
    boolean v11 = v.atLeast(CniVersion.V1_1_0);
    List<JsonValue> interfaces = new ArrayList<>();
    for (InterfaceInfo i : r.interfaces()) {
      JsonObjectBuilder b = new JsonObjectBuilder().put("name", i.name()).opt("mac", i.mac());
      if (v11) {
        b.opt("mtu", i.mtu());
      }
      b.opt("sandbox", i.sandbox());
      if (v11) {
        b.opt("socketPath", i.socketPath()).opt("pciID", i.pciId());
      }
      interfaces.add(b.build());
    }
    List<JsonValue> ips = new ArrayList<>();
    for (IpConfig ip : r.ips()) {
      JsonObjectBuilder b = new JsonObjectBuilder();
      if (v.resultsCarryIpVersion()) {
        b.put("version", ip.address().address().isIpv4() ? "4" : "6");
      }
      b.opt("interface", ip.interfaceIndex()).put("address", ip.address().toString()).opt("gateway", ip.gateway());
      ips.add(b.build());
    }
    List<JsonValue> routes = new ArrayList<>();
    for (RouteEntry route : r.routes()) {
      JsonObjectBuilder b = new JsonObjectBuilder().put("dst", route.dst().toString()).opt("gw", route.gw());
      if (v11) {
        b.opt("mtu", route.mtu()).opt("advmss", route.advmss()).opt("priority", route.priority())
            .opt("table", route.table()).opt("scope", route.scope());
      }
      routes.add(b.build());
    }
    Dns dns = r.dns();
    JsonObject dnsJson = new JsonObjectBuilder().strings("nameservers", dns.nameservers()).opt("domain", dns.domain())
        .strings("search", dns.search()).strings("options", dns.options()).build();
    return new JsonObjectBuilder().put("cniVersion", v.toString()).array("interfaces", interfaces)
        .array("ips", ips).array("routes", routes).put("dns", dnsJson).build();
  }

  static CniResult parse(ConfigNode node) throws CniException {
    List<InterfaceInfo> interfaces = new ArrayList<>();
    for (ConfigNode i : list(node, "interfaces")) {
      interfaces.add(new InterfaceInfo(i.require("name").asString(), opt(i, "mac", Mac::parse), optInt(i, "mtu"),
          optString(i, "sandbox"), optString(i, "socketPath"), optString(i, "pciID")));
    }
    List<IpConfig> ips = new ArrayList<>();
    for (ConfigNode ip : list(node, "ips")) {
      InterfaceAddress address = ip.require("address").asValue(InterfaceAddress::parse);
      Optional<IpAddress> gateway = opt(ip, "gateway", IpAddress::parse);
      if (gateway.isPresent() && gateway.get().family() != address.family()) {
        throw ip.require("gateway").error("gateway is not in the family of " + address);
      }
      OptionalInt index = optInt(ip, "interface");
      if (index.isPresent() && index.getAsInt() >= interfaces.size()) {
        throw ip.require("interface").error("no interface with index " + index.getAsInt());
      }
      ips.add(new IpConfig(address, gateway, index));
    }
    List<RouteEntry> routes = new ArrayList<>();
    for (ConfigNode rt : list(node, "routes")) {
      routes.add(parseRoute(rt));
    }
    Dns dns = Dns.EMPTY;
    Optional<ConfigNode> d = node.field("dns");
    if (d.isPresent()) {
      dns = new Dns(strings(d.get(), "nameservers"), optString(d.get(), "domain"), strings(d.get(), "search"),
          strings(d.get(), "options"));
    }
    return new CniResult(interfaces, ips, routes, dns);
  }

  static RouteEntry parseRoute(ConfigNode rt) throws CniException {
    Cidr dst = rt.require("dst").asValue(Cidr::parseLenient);
    Optional<IpAddress> gw = opt(rt, "gw", IpAddress::parse);
    if (gw.isPresent() && gw.get().family() != dst.family()) {
      throw rt.require("gw").error("gateway is not in the family of " + dst);
    }
    return new RouteEntry(dst, gw, optInt(rt, "mtu"), optInt(rt, "advmss"), optInt(rt, "priority"),
        optInt(rt, "table"), optInt(rt, "scope"));
  }

  static List<ConfigNode> list(ConfigNode node, String key) throws CniException {
    Optional<ConfigNode> f = node.field(key);
    return f.isPresent() ? f.get().asList() : List.of();
  }

  static List<String> strings(ConfigNode node, String key) throws CniException {
    List<String> out = new ArrayList<>();
    for (ConfigNode s : list(node, key)) {
      out.add(s.asString());
    }
    return out;
  }

  static Optional<String> optString(ConfigNode node, String key) throws CniException {
    Optional<ConfigNode> f = node.field(key);
    return f.isPresent() ? Optional.of(f.get().asString()) : Optional.empty();
  }

  static <T> Optional<T> opt(ConfigNode node, String key, java.util.function.Function<String, T> parser)
      throws CniException {
    Optional<ConfigNode> f = node.field(key);
    return f.isPresent() ? Optional.of(f.get().asValue(parser)) : Optional.empty();
  }

  static OptionalInt optInt(ConfigNode node, String key) throws CniException {
    Optional<ConfigNode> f = node.field(key);
    return f.isPresent() ? OptionalInt.of((int) f.get().asLong(0, Integer.MAX_VALUE)) : OptionalInt.empty();
  }
}
