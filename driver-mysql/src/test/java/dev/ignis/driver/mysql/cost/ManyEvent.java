package dev.ignis.driver.mysql.cost;

import dev.ignis.api.model.Model;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** 10,000 events per parent. */
@Model
@Entity
@Table(name = "cost_many_event", indexes = @Index(name = "cost_many_event_parent_seq", columnList = "parent_id, seq DESC, id"))
public class ManyEvent extends CostEvent {
}
