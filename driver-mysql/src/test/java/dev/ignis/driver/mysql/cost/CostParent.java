package dev.ignis.driver.mysql.cost;

import dev.ignis.api.model.Model;
import dev.ignis.api.model.StringIdEntity;
import dev.ignis.api.relation.Many;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.util.List;

/** A parent with few and with many events: the same include over 100 and over 10,000 related rows per parent. */
@Model
@Entity
@Table(name = "cost_parent")
public class CostParent extends StringIdEntity {
    @Many(fields = "parentId")
    public List<FewEvent> few;

    @Many(fields = "parentId")
    public List<ManyEvent> many;
}
