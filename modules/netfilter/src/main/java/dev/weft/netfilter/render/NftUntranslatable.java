package dev.weft.netfilter.render;

/** A match or target nft has no equivalent for (physdev, uninterpreted modules); the rule is left out. */
final class NftUntranslatable extends Exception {
  NftUntranslatable(String reason) {
    super(reason, null, false, false);
  }
}
