package com.creditdiligence.platform;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Attaches, once and generically, the {@link SubmissionGuard} and the {@link EvidenceCapture} to every
 * user task, start event and process. Built-in listeners: skipping custom listeners does not skip them,
 * and on a task they run before the model's own listeners — the guard first, then the ledger.
 */
class DiligenceParseListener extends AbstractBpmnParseListener {

  private static final TaskListener LIST_COLUMNS = new TaskListColumns();

  private final SubmissionGuard guard;
  private final EvidenceCapture capture;
  private final TaskListener assignmentGate;

  /** Which submitted values become process variables; null: all of them, as Camunda does. */
  private final SubmissionVariables submissionVariables;

  DiligenceParseListener(
      SubmissionGuard guard,
      EvidenceCapture capture,
      TaskListener assignmentGate,
      SubmissionVariables submissionVariables) {
    this.guard = guard;
    this.capture = capture;
    this.assignmentGate = assignmentGate;
    this.submissionVariables = submissionVariables;
  }

  @Override
  public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, capture.processEnd());
  }

  @Override
  public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
      TaskDefinition task = userTask.getTaskDefinition();
      String form = formRef(userTaskElement);
      if (submissionVariables != null && form != null) {
        task.setTaskFormHandler(
            new TransientSubmissionFormHandler(
                task.getTaskFormHandler(), form, submissionVariables));
      }
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, guard);
      task.addBuiltInTaskListener(
          TaskListener.EVENTNAME_COMPLETE, capture.taskCompletion(formRef(userTaskElement)));
      TaskListener events = capture.taskEvents();
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, LIST_COLUMNS);
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, events);
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignmentGate);
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, events);
      task.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, events);
    }
  }

  @Override
  public void parseStartEvent(
      Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
    Element message = startEventElement.element("messageEventDefinition");
    if (!(scope instanceof ProcessDefinitionImpl) && message != null) {
      startEventActivity.addBuiltInListener(
          ExecutionListener.EVENTNAME_END, capture.eventReceived(message.attribute("messageRef")));
      return;
    }
    if (scope instanceof ProcessDefinitionImpl) {
      String formRef = formRef(startEventElement);
      if (formRef != null) {
        // The engine has set the process's start form handler before it calls the parse listeners.
        if (submissionVariables != null
            && scope instanceof ProcessDefinitionEntity definition
            && definition.getInitial() == startEventActivity
            && definition.getStartFormHandler() != null) {
          definition.setStartFormHandler(
              new TransientSubmissionFormHandler.StartForm(
                  definition.getStartFormHandler(), formRef, submissionVariables));
        }
        startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, guard);
      }
      // Appended after the model's own end listeners, which give the case its application number.
      startEventActivity.addBuiltInListener(
          ExecutionListener.EVENTNAME_END, capture.processStart(formRef));
    }
  }

  private static String formRef(Element element) {
    return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
  }
}
