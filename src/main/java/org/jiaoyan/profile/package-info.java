/**
 * 成长档案: one page per teacher over the school years — plans they owned and wrote, activities, 集体备课 parts,
 * observations given and received with the trend of their scores, mentoring — and the same as a Word portfolio for
 * 职称 applications. Other modules add their part by providing a {@link org.jiaoyan.profile.ProfileSection} bean.
 */
@org.jspecify.annotations.NullMarked
package org.jiaoyan.profile;
