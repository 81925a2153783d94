package com.creditdiligence.evidence.transparency;

/** A checkpoint or a key that cannot be read, or a signature that does not verify. */
public class CheckpointException extends RuntimeException {

  public CheckpointException(String message) {
    super(message);
  }

  public CheckpointException(String message, Throwable cause) {
    super(message, cause);
  }
}
