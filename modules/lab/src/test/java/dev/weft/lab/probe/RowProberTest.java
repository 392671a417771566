package dev.weft.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowProberTest {
  /** Small labs go in one batch; large ones in batches that stay under half the shared ARP cache. */
  @Test
  void batchesKeepTheSharedArpCacheHalfFree() {
    assertThat(RowProber.rowsPerBatch(1024, 9)).isEqualTo(14);
    assertThat(RowProber.rowsPerBatch(1024, 63)).isEqualTo(2);
    assertThat(RowProber.rowsPerBatch(1024, 300)).isEqualTo(1);
    assertThat(RowProber.rowsPerBatch(1024, 63) * 63 * RowProber.ENTRIES_PER_PROBE).isLessThanOrEqualTo(512);
  }
}
