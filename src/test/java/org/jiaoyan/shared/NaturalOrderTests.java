package org.jiaoyan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTests {

    private static List<String> sorted(String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        Collections.shuffle(list, new java.util.Random(7));
        list.sort(NaturalOrder.INSTANCE);
        return list;
    }

    @Test
    void gradesSortAsCountedNotByCodePoint() {
        assertThat(sorted("三年级语文备课组", "一年级语文备课组", "六年级语文备课组", "二年级语文备课组", "五年级语文备课组",
                "四年级语文备课组"))
                .containsExactly("一年级语文备课组", "二年级语文备课组", "三年级语文备课组", "四年级语文备课组",
                        "五年级语文备课组", "六年级语文备课组");
    }

    @Test
    void juniorAndSeniorGradesFollowPrimaryGrades() {
        assertThat(sorted("初三", "高一", "初一", "六年级", "初二", "七年级数学"))
                .containsExactly("六年级", "初一", "七年级数学", "初二", "初三", "高一");
    }

    @Test
    void numbersCompareByValue() {
        assertThat(sorted("第10周", "第2周", "第十一周", "第九周")).containsExactly("第2周", "第九周", "第10周", "第十一周");
        assertThat(NaturalOrder.chineseValue("二十")).isEqualTo(20);
        assertThat(NaturalOrder.chineseValue("一百零五")).isEqualTo(105);
        assertThat(NaturalOrder.chineseValue("十二")).isEqualTo(12);
    }

    @Test
    void aPreparedKeyOrdersEveryPairAsTheComparatorDoes() {
        List<String> names = List.of("第10周", "第2周", "第十一周", "初一", "六年级", "高一", "张三", "李四", "王五", "张三丰",
                "三年级语文备课组", "三年级数学备课组", "", "A班", "a班", "2班", "12班");
        for (String a : names) {
            for (String b : names) {
                assertThat(Integer.signum(NaturalOrder.INSTANCE.key(a).compareTo(NaturalOrder.INSTANCE.key(b))))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(NaturalOrder.INSTANCE.compare(a, b)));
            }
        }
    }
}
