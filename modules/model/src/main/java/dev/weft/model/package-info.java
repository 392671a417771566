/**
 * The vendor-neutral network model: a JGraphT graph of hosts, namespaces, interfaces and segments joined
 * by typed relations. Every parser converts its input into a {@link dev.weft.model.NetworkModel}; every
 * engine (simulator, verifier, Linux driver, dataplane) reads only this model.
 */
@NullMarked
package dev.weft.model;

import org.jspecify.annotations.NullMarked;
