package com.creditdiligence.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a deployed BPMN model as SVG from its own diagram information (BPMN DI), on the server: the
 * replay page needs no modeler library and no internet. Every shape and flow carries its BPMN id
 * ({@code data-id}), so the page can mark the path a case took and step through it.
 */
final class ProcessDiagram {

  /** Room around the shapes for the labels drawn outside them (events, gateways). */
  private static final int PADDING = 60;

  private ProcessDiagram() {}

  static String svg(BpmnModelInstance model) {
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    List<Bounds> extent = new ArrayList<>();
    for (BpmnShape shape : shapes) {
      extent.add(shape.getBounds());
      if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
        extent.add(shape.getBpmnLabel().getBounds());
      }
    }
    for (Bounds b : extent) {
      minX = Math.min(minX, b.getX());
      minY = Math.min(minY, b.getY());
      maxX = Math.max(maxX, b.getX() + b.getWidth());
      maxY = Math.max(maxY, b.getY() + b.getHeight());
    }
    for (BpmnEdge edge : edges) {
      for (Waypoint point : edge.getWaypoints()) {
        minX = Math.min(minX, point.getX());
        minY = Math.min(minY, point.getY());
        maxX = Math.max(maxX, point.getX());
        maxY = Math.max(maxY, point.getY());
      }
    }
    double width = maxX - minX + 2 * PADDING;
    double height = maxY - minY + 2 * PADDING;
    StringBuilder svg = new StringBuilder();
    // Drawn at the model's own scale (1 unit = 1 px), as in the Modeler: a wide process scrolls, it
    // is not shrunk.
    svg.append(
        String.format(
            java.util.Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn\" width=\"%.0f\" height=\"%.0f\" viewBox=\"%.0f %.0f %.0f %.0f\">",
            width,
            height,
            minX - PADDING,
            minY - PADDING,
            width,
            height));
    svg.append(
        "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
            + "markerHeight=\"8\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>");
    // Containers first, so that what they contain is drawn on top.
    shapes.stream().filter(s -> type(s).equals("subProcess")).forEach(s -> shape(svg, s));
    for (BpmnEdge edge : edges) {
      edge(svg, edge);
    }
    shapes.stream()
        .filter(s -> !type(s).equals("subProcess") && !type(s).equals("boundaryEvent"))
        .forEach(s -> shape(svg, s));
    // Boundary events sit on their task's edge: drawn last, over it.
    shapes.stream().filter(s -> type(s).equals("boundaryEvent")).forEach(s -> shape(svg, s));
    return svg.append("</svg>").toString();
  }

  private static String type(BpmnShape shape) {
    return shape.getBpmnElement().getElementType().getTypeName();
  }

  private static void shape(StringBuilder svg, BpmnShape shape) {
    BaseElement element = shape.getBpmnElement();
    String type = type(shape);
    Bounds b = shape.getBounds();
    double x = b.getX();
    double y = b.getY();
    double w = b.getWidth();
    double h = b.getHeight();
    String name = element.getAttributeValue("name");
    svg.append("<g class=\"el ")
        .append(type)
        .append("\" data-id=\"")
        .append(element.getId())
        .append("\">");
    if (type.endsWith("Event")) {
      double r = w / 2;
      svg.append(
          String.format(
              java.util.Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>",
              x + r,
              y + r,
              r));
      if (type.equals("boundaryEvent") || type.startsWith("intermediate")) {
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<circle class=\"inner\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>",
                x + r,
                y + r,
                r - 3));
      }
      label(svg, shape, name, x + w / 2, y + h + 14);
    } else if (type.endsWith("Gateway")) {
      svg.append(
          String.format(
              java.util.Locale.ROOT,
              "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
              x + w / 2,
              y,
              x + w,
              y + h / 2,
              x + w / 2,
              y + h,
              x,
              y + h / 2));
      double m = w / 5;
      if (type.equals("exclusiveGateway")) {
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<path class=\"marker\" d=\"M%.1f,%.1f L%.1f,%.1f M%.1f,%.1f L%.1f,%.1f\"/>",
                x + 2 * m,
                y + 2 * m,
                x + 3 * m,
                y + 3 * m,
                x + 3 * m,
                y + 2 * m,
                x + 2 * m,
                y + 3 * m));
      } else if (type.equals("parallelGateway")) {
        svg.append(
            String.format(
                java.util.Locale.ROOT,
                "<path class=\"marker\" d=\"M%.1f,%.1f L%.1f,%.1f M%.1f,%.1f L%.1f,%.1f\"/>",
                x + w / 2,
                y + 1.5 * m,
                x + w / 2,
                y + 3.5 * m,
                x + 1.5 * m,
                y + h / 2,
                x + 3.5 * m,
                y + h / 2));
      }
      label(svg, shape, name, x + w / 2, y - 16);
    } else {
      svg.append(
          String.format(
              java.util.Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"10\"/>",
              x,
              y,
              w,
              h));
      if (type.equals("subProcess")) {
        text(svg, lines(name, 40), x + 8, y + 16, "start");
      } else {
        List<String> lines = lines(name, 14);
        text(svg, lines, x + w / 2, y + h / 2 - (lines.size() - 1) * 6.5 + 4, "middle");
      }
    }
    if (name != null) {
      svg.append("<title>")
          .append(HtmlUtils.htmlEscape(name))
          .append(" (")
          .append(element.getId())
          .append(")</title>");
    }
    svg.append("</g>");
  }

  private static void label(StringBuilder svg, BpmnShape shape, String name, double cx, double y) {
    if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
      Bounds l = shape.getBpmnLabel().getBounds();
      cx = l.getX() + l.getWidth() / 2;
      y = l.getY() + 10;
    }
    text(svg, lines(name, 20), cx, y, "middle");
  }

  private static void edge(StringBuilder svg, BpmnEdge edge) {
    StringBuilder points = new StringBuilder();
    for (Waypoint point : edge.getWaypoints()) {
      points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", point.getX(), point.getY()));
    }
    svg.append("<g class=\"flow\" data-id=\"")
        .append(edge.getBpmnElement().getId())
        .append("\"><polyline points=\"")
        .append(points.toString().trim())
        .append("\" marker-end=\"url(#arrow)\"/></g>");
  }

  private static void text(
      StringBuilder svg, List<String> lines, double x, double y, String anchor) {
    for (int i = 0; i < lines.size(); i++) {
      svg.append(
              String.format(
                  java.util.Locale.ROOT,
                  "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">",
                  x,
                  y + i * 13,
                  anchor))
          .append(HtmlUtils.htmlEscape(lines.get(i)))
          .append("</text>");
    }
  }

  /**
   * Wraps a bilingual name: English words kept whole, a Chinese character counted as two; a run of
   * Chinese too long for a line is broken between characters (Chinese has no spaces to break at).
   */
  static List<String> lines(String name, int width) {
    List<String> lines = new ArrayList<>();
    if (name == null || name.isBlank()) {
      return lines;
    }
    List<String> words = new ArrayList<>();
    for (String word : name.trim().split("\\s+")) {
      int cost = word.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
      if (cost <= width) {
        words.add(word);
        continue;
      }
      StringBuilder piece = new StringBuilder();
      int pieceCost = 0;
      for (int c : word.codePoints().toArray()) {
        int charCost = c > 0x2E80 ? 2 : 1;
        if (pieceCost + charCost > width) {
          words.add(piece.toString());
          piece.setLength(0);
          pieceCost = 0;
        }
        piece.appendCodePoint(c);
        pieceCost += charCost;
      }
      words.add(piece.toString());
    }
    StringBuilder line = new StringBuilder();
    int used = 0;
    for (String word : words) {
      int cost = word.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
      if (used > 0 && used + 1 + cost > width) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      if (used > 0) {
        line.append(' ');
        used++;
      }
      line.append(word);
      used += cost;
    }
    if (used > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
