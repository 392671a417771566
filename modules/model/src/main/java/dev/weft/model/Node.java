package dev.weft.model;

/** A vertex of the network graph. */
public sealed interface Node permits Host, Namespace, Interface, Segment {

  /** A stable, human-readable identity, unique within one model. */
  String id();
}
