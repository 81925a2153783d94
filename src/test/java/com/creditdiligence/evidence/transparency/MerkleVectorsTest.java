package com.creditdiligence.evidence.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * RFC 9162 against the transparency-dev Merkle test vectors: every valid proof verifies, every corrupted one
 * (a flipped bit, a wrong size or index, a proof too long or too short) fails; the tree built from their leaf
 * inputs has their roots at every size, and the proofs it makes are theirs.
 */
class MerkleVectorsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** transparency-dev/merkle testonly/constants.go: LeafInputs and RootHashes (size 0 … 8). */
  private static final String[] LEAF_INPUTS = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"
  };

  private static final String[] ROOTS = {
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
  };

  @TestFactory
  Stream<DynamicTest> inclusionVectors() throws Exception {
    return vectors("inclusion")
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(file),
                    () -> {
                      JsonNode v = JSON.readTree(file.toFile());
                      boolean verified =
                          MerkleProofs.verifyInclusion(
                              v.get("leafIdx").asLong(),
                              v.get("treeSize").asLong(),
                              bytes(v.get("leafHash")),
                              hashes(v.get("proof")),
                              bytes(v.get("root")));
                      assertThat(verified)
                          .as(v.get("desc").asText())
                          .isEqualTo(!v.get("wantErr").asBoolean());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> consistencyVectors() throws Exception {
    return vectors("consistency")
        .map(
            file ->
                DynamicTest.dynamicTest(
                    name(file),
                    () -> {
                      JsonNode v = JSON.readTree(file.toFile());
                      boolean verified =
                          MerkleProofs.verifyConsistency(
                              v.get("size1").asLong(),
                              v.get("size2").asLong(),
                              bytes(v.get("root1")),
                              bytes(v.get("root2")),
                              hashes(v.get("proof")));
                      assertThat(verified)
                          .as(v.get("desc").asText())
                          .isEqualTo(!v.get("wantErr").asBoolean());
                    }));
  }

  @Test
  void theTreeOfTheVectorsLeavesHasTheirRootAtEverySize() {
    MerkleTree tree = new MerkleTree();
    assertThat(HexFormat.of().formatHex(tree.root())).isEqualTo(ROOTS[0]);
    for (int i = 0; i < LEAF_INPUTS.length; i++) {
      tree.append(Rfc9162.leafHash(HexFormat.of().parseHex(LEAF_INPUTS[i])));
      assertThat(HexFormat.of().formatHex(tree.root()))
          .as("root of size " + (i + 1))
          .isEqualTo(ROOTS[i + 1]);
    }
    for (int size = 0; size <= LEAF_INPUTS.length; size++) {
      assertThat(HexFormat.of().formatHex(tree.rootAt(size)))
          .as("earlier root of size " + size)
          .isEqualTo(ROOTS[size]);
    }
  }

  /** The vectors' happy paths are proofs over the same eight leaves: ours must be exactly those. */
  @TestFactory
  Stream<DynamicTest> theTreeMakesTheVectorsValidProofs() throws Exception {
    MerkleTree tree = new MerkleTree();
    for (String input : LEAF_INPUTS) {
      tree.append(Rfc9162.leafHash(HexFormat.of().parseHex(input)));
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file :
        vectors("inclusion").filter(f -> name(f).endsWith("happy-path.json")).toList()) {
      JsonNode v = JSON.readTree(file.toFile());
      tests.add(
          DynamicTest.dynamicTest(
              name(file),
              () ->
                  assertThat(
                          base64(
                              tree.inclusionProof(
                                  v.get("leafIdx").asLong(), v.get("treeSize").asLong())))
                      .isEqualTo(strings(v.get("proof")))));
    }
    for (Path file :
        vectors("consistency").filter(f -> name(f).endsWith("happy-path.json")).toList()) {
      JsonNode v = JSON.readTree(file.toFile());
      tests.add(
          DynamicTest.dynamicTest(
              name(file),
              () ->
                  assertThat(
                          base64(
                              tree.consistencyProof(
                                  v.get("size1").asLong(), v.get("size2").asLong())))
                      .isEqualTo(strings(v.get("proof")))));
    }
    assertThat(tests).hasSizeGreaterThan(8);
    return tests.stream();
  }

  /** Beyond the vectors: every proof of every leaf and every pair of non-empty sizes up to 70 verifies, and a wrong root does not. */
  @Test
  void everyProofTheTreeMakesVerifies() {
    MerkleTree tree = new MerkleTree();
    List<byte[]> roots = new ArrayList<>(List.of(tree.root()));
    for (int i = 0; i < 70; i++) {
      tree.append(Rfc9162.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}));
      roots.add(tree.root());
      assertThat(tree.root()).isEqualTo(naiveRoot(tree, 0, i + 1));
    }
    for (int size = 1; size <= 70; size++) {
      for (int index = 0; index < size; index++) {
        assertThat(
                MerkleProofs.verifyInclusion(
                    index,
                    size,
                    tree.leaf(index),
                    tree.inclusionProof(index, size),
                    roots.get(size)))
            .as("leaf %d of %d", index, size)
            .isTrue();
        assertThat(
                MerkleProofs.verifyInclusion(
                    index,
                    size,
                    tree.leaf(index),
                    tree.inclusionProof(index, size),
                    roots.get(size - 1)))
            .as("leaf %d of %d against the previous root", index, size)
            .isFalse();
      }
      for (int size1 = 1; size1 <= size; size1++) {
        assertThat(
                MerkleProofs.verifyConsistency(
                    size1,
                    size,
                    roots.get(size1),
                    roots.get(size),
                    tree.consistencyProof(size1, size)))
            .as("%d → %d", size1, size)
            .isTrue();
        if (size1 > 0 && size1 < size) {
          assertThat(
                  MerkleProofs.verifyConsistency(
                      size1,
                      size,
                      roots.get(size1 - 1),
                      roots.get(size),
                      tree.consistencyProof(size1, size)))
              .as("%d → %d from a wrong old root", size1, size)
              .isFalse();
        }
      }
    }
  }

  /** MTH of RFC 9162 §2.1.1, straight from its definition. */
  private static byte[] naiveRoot(MerkleTree tree, long begin, long end) {
    if (end - begin == 1) {
      return tree.leaf(begin);
    }
    long k = Long.highestOneBit(end - begin - 1);
    return Rfc9162.nodeHash(naiveRoot(tree, begin, begin + k), naiveRoot(tree, begin + k, end));
  }

  private static Stream<Path> vectors(String kind) throws IOException, URISyntaxException {
    Path root =
        Path.of(MerkleVectorsTest.class.getResource("/transparency-dev/testdata/" + kind).toURI());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as(kind + " vectors").hasSizeGreaterThan(50);
    return files.stream();
  }

  private static String name(Path file) {
    return file.getParent().getFileName() + "/" + file.getFileName();
  }

  private static byte[] bytes(JsonNode node) {
    return node == null || node.isNull() ? null : Base64.getDecoder().decode(node.asText());
  }

  private static List<byte[]> hashes(JsonNode node) {
    List<byte[]> list = new ArrayList<>();
    if (node != null && !node.isNull()) {
      node.forEach(n -> list.add(bytes(n)));
    }
    return list;
  }

  private static List<String> strings(JsonNode node) {
    List<String> list = new ArrayList<>();
    if (node != null && !node.isNull()) {
      node.forEach(n -> list.add(n.asText()));
    }
    return list;
  }

  private static List<String> base64(List<byte[]> proof) {
    return proof.stream().map(Base64.getEncoder()::encodeToString).toList();
  }
}
