package cn.huangpu.assessment.rectification.internal;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Files given as evidence of fixes. */
public interface RectificationFileRepository extends JpaRepository<RectificationFile, Long> {

    /** Id, item, name, size of the items' files, without their content. */
    @Query("select f.id, f.itemId, f.fileName, f.sizeBytes from RectificationFile f where f.itemId in ?1 order by f.id")
    List<Object[]> findInfo(Collection<Long> itemIds);
}
