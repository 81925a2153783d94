package com.creditdiligence.platform.web;

/** What an error status means, in the users' words (Chinese, then English): for error bodies that may say no more. */
final class StatusWords {

  private StatusWords() {}

  static String of(int status) {
    return switch (status) {
      case 400 -> "请求无效 The request is not valid";
      case 401 -> "请登录 Log in first";
      case 403 -> "无权执行此操作 Not permitted";
      case 404 -> "没有此页面或对象 Not found";
      case 405 -> "不支持此请求方法 This method is not allowed here";
      case 406 -> "无法以所要求的格式答复 The answer cannot be given in the format asked for";
      case 409 -> "与当前状态冲突 Conflicts with the current state";
      case 413 -> "请求过大 The request is too large";
      case 415 -> "不支持此内容类型 This content type is not accepted";
      default -> "请求未被接受 The request was not accepted (" + status + ")";
    };
  }
}
