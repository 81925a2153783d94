package com.creditdiligence.evidence;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the ledger's signed checkpoints go and who signs them.
 *
 * @param directory   the append-only directory outside the database (point it at write-once storage)
 * @param keyFile     the Ed25519 signer key (C2SP note format, {@code PRIVATE+KEY+…}); never in the database
 * @param generateKey whether a missing key file is generated (the demo); otherwise start-up refuses
 * @param interval    how often a checkpoint is signed when records were added (besides one at each export)
 * @param origin      the log's name, the checkpoint's first line and the key's name
 */
@ConfigurationProperties("credit-diligence.checkpoints")
public record CheckpointProperties(
    Path directory, Path keyFile, boolean generateKey, Duration interval, String origin) {}
