/**
 * Wire formats: header records with {@code encode}/{@code decode} on Netty {@code ByteBuf}s, checksums,
 * whole-frame decoding and in-place edits. Headers are plain records (no checksum fields: checksums are
 * computed on encode and verified on decode), so they double as the header data a trace shows.
 */
@NullMarked
package dev.weft.engine.packet;

import org.jspecify.annotations.NullMarked;
