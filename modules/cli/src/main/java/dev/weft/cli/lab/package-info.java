/**
 * {@code weft deploy}, {@code destroy}, {@code inspect} and {@code probe}: thin commands over {@link
 * dev.weft.lab.Labs} that print through the renderers of {@code dev.weft.lab.text}. Each gets a {@link
 * dev.weft.cli.lab.LabEnvironment} by constructor (records directory and privileges), so tests inject their
 * own.
 */
@NullMarked
package dev.weft.cli.lab;

import org.jspecify.annotations.NullMarked;
