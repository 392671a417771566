package dev.weft.ipam.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class AtomicBitmapProperties {

  @Provide
  Arbitrary<List<Integer>> ops() {
    return Arbitraries.integers().between(-200, 200).list().ofMaxSize(300);
  }

  /** Against java.util.BitSet as the model: claim(i) for i >= 0, clear(-i-1) otherwise; claimFirstClear on 0. */
  @Property
  void behavesLikeABitSet(@ForAll @IntRange(min = 1, max = 200) int size, @ForAll("ops") List<Integer> ops) {
    AtomicBitmap bits = new AtomicBitmap(size);
    BitSet model = new BitSet(size);
    for (int op : ops) {
      if (op == 0) {
        OptionalInt got = bits.claimFirstClear(op + size / 2);
        int expected = model.nextClearBit(size / 2) < size ? model.nextClearBit(size / 2) : model.nextClearBit(0);
        if (model.cardinality() == size) {
          assertThat(got).isEmpty();
        } else {
          assertThat(got).hasValue(expected);
          model.set(expected);
        }
      } else if (op > 0) {
        int i = op % size;
        assertThat(bits.claim(i)).isEqualTo(!model.get(i));
        model.set(i);
      } else {
        int i = (-op) % size;
        assertThat(bits.clear(i)).isEqualTo(model.get(i));
        model.clear(i);
      }
      assertThat(bits.cardinality()).isEqualTo(model.cardinality());
    }
  }

  @Test
  void concurrentClaimsNeverHandOutABitTwice() throws Exception {
    AtomicBitmap bits = new AtomicBitmap(4096);
    ConcurrentLinkedQueue<Integer> got = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[8];
    for (int t = 0; t < threads.length; t++) {
      int from = t * 17;
      threads[t] = new Thread(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          return;
        }
        for (OptionalInt i = bits.claimFirstClear(from); i.isPresent(); i = bits.claimFirstClear(from)) {
          got.add(i.getAsInt());
        }
      });
      threads[t].start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(got).hasSize(4096).doesNotHaveDuplicates();
  }
}
